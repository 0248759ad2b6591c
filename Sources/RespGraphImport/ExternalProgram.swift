import Foundation

/// Programs respgraph runs where a user has them (Poppler's pdftotext, Graphviz): finding one on
/// PATH, and running it with its output and error streams read at once, so a program that writes a
/// lot to either never blocks on a full pipe.
public enum ExternalProgram {
    /// What a run gave back.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: Data
        /// Standard error.
        public var stderr: Data
    }

    /// The path of a program on PATH, if any.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to its end, feeding `input` to its standard input.
    ///
    /// - Throws: the error of `Process.run` when the program cannot be started.
    public static func run(_ path: String, _ arguments: [String], input: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        let stdin = input.map { _ in Pipe() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isError) in [(out.fileHandleForReading, false), (err.fileHandleForReading, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        if let pipe = stdin, let data = input {
            pipe.fileHandleForWriting.write(data)
            try? pipe.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr)
    }

    /// The two streams, filled by the reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var stdout = Data()
        private(set) var stderr = Data()
        func set(_ data: Data, isError: Bool) {
            lock.lock()
            if isError { stderr = data } else { stdout = data }
            lock.unlock()
        }
    }
}
