/// A file that cannot be imported at all: what is wrong and where.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file concerned.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong and what to do about it.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`.
    public var description: String {
        if let line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
