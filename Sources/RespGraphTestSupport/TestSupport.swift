import Foundation

/// Paths in the repository, found from this file's location so tests run from any directory.
public enum Repository {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path under the root.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A file under the root, as UTF-8 text.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// The curated files embedded into the binary, by their path under the root.
    public static let embeddedFiles = (
        registry: "Graphs/agencies.csv",
        corrections: "Graphs/corrections.csv",
        indicators: "Graphs/indicators.csv",
        tables: ["Graphs/guangxi-2022-tasks.csv", "Graphs/guangxi-2024-tasks.csv"],
        diagnostics: ["Graphs/guangxi-2022-diagnostics.csv", "Graphs/guangxi-2024-diagnostics.csv"]
    )

    /// The source of `Sources/RespGraphData/EmbeddedGraphs+Generated.swift` for the current Graphs/ files.
    public static func generatedEmbeddedSource() throws -> String {
        func literal(_ text: String) -> String {
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\"" + hashes) { hashes += "#" }
            // A multi-line literal drops the line break before its closing delimiter, so add one.
            return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
        }
        let files = embeddedFiles
        var out = """
        // Generated from Graphs/ by the test `embeddedDataMatchesGraphsFolder`; do not edit.
        // Regenerate: RESPGRAPH_RECORD=1 swift test --filter embeddedDataMatchesGraphsFolder

        /// The curated Guangxi data of Graphs/, compiled in so respgraph answers from any directory.
        public enum EmbeddedGraphs {
            /// Graphs/agencies.csv.
            public static let registry = \(literal(try text(files.registry)))

            /// Graphs/corrections.csv.
            public static let corrections = \(literal(try text(files.corrections)))

            /// Graphs/indicators.csv: indicators renamed or merged between the plans.
            public static let indicators = \(literal(try text(files.indicators)))

            /// The curated task tables, by path.
            public static let taskTables: [(name: String, csv: String)] = [

        """
        for f in files.tables { out += "        (\"\(f)\", \(literal(try text(f)))),\n" }
        out += "    ]\n\n    /// The import findings behind each task table, by path.\n    public static let diagnostics: [(name: String, "
            + "csv: String)] = [\n"
        for f in files.diagnostics { out += "        (\"\(f)\", \(literal(try text(f)))),\n" }
        out += "    ]\n}\n"
        return out
    }
}

/// What a run of the built `respgraph` binary printed.
public struct ProcessOutput: Sendable {
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
    /// The exit status.
    public var status: Int32

    /// Creates an output record.
    public init(stdout: String, stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// Runs the built respgraph executable as a user would.
public enum RespgraphBinary {
    /// The executable next to the test bundle (`.build/<config>/respgraph`).
    public static var path: String? {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("respgraph"))
        }
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0])
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("respgraph"))
        candidates.append(Repository.root.appendingPathComponent(".build/debug/respgraph"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }

    /// Runs it with arguments in a working directory, with optional standard input; `environment`
    /// replaces the test's own (to run it without a program on PATH, or with a thread count).
    public static func run(_ arguments: [String], in directory: String? = nil, input: Data? = nil,
                           environment replacement: [String: String]? = nil) throws -> ProcessOutput {
        guard let path else {
            throw NSError(domain: "respgraph-tests", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "the respgraph executable is not built; run swift build first"])
        }
        return try execute(path, arguments, in: directory, input: input, environment: replacement)
    }

    /// Runs a shell script (`sh -c SCRIPT $0 $1…`) with the same environment as ``run(_:in:input:environment:)``:
    /// how a test puts the binary under `ulimit` and `timeout`.
    public static func runShell(_ script: String, arguments: [String], in directory: String? = nil) throws -> ProcessOutput {
        try execute("/bin/sh", ["-c", script] + arguments, in: directory, input: nil, environment: nil)
    }

    private static func execute(_ path: String, _ arguments: [String], in directory: String?, input: Data?,
                                environment replacement: [String: String]?) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? FileManager.default.temporaryDirectory.path)
        // Tables at their natural width whatever the shell running the tests says.
        var environment = replacement ?? ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        environment["RESPGRAPH_AMBIGUOUS_WIDE"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Standard error is drained on its own thread, so a long one (a thousand warnings) cannot fill
        // its pipe while standard output is read.
        let errorRead = ErrorDrain(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorRead.wait()
        process.waitUntilExit()
        return ProcessOutput(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                             status: process.terminationStatus)
    }
}

/// A pipe read to its end on a thread of its own.
private final class ErrorDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// Everything the pipe held, once it is closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A temporary folder for one test, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    /// Its path.
    public let path: String

    /// Creates a fresh folder.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("respgraph-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file into the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        let p = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    /// Writes raw bytes into the folder and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
