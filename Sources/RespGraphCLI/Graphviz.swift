import Foundation

/// Runs a Graphviz layout program (dot, neato, sfdp…) to render DOT into SVG, PNG or PDF.
enum Graphviz {
    static let installHint = "install Graphviz and a Chinese font: apt-get install graphviz fonts-noto-cjk (Debian/Ubuntu), dnf install graphviz google-noto-sans-cjk-fonts (Fedora), brew install graphviz (macOS)"

    /// The path of a program on PATH, if any.
    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders DOT to a file; SVG is written with glyph outlines (`-Tsvg:cairo`) so it shows Chinese
    /// on machines without the font.
    static func render(_ dot: String, layout: String, format: String, to output: String) throws {
        guard let program = find(layout) else {
            throw DataError(message: "cannot render: the Graphviz program '\(layout)' is not on PATH; \(installHint). The DOT itself is available without --render.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        let type = format == "svg" ? "svg:cairo" : format
        process.arguments = ["-T\(type)", "-o", output]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw DataError(message: "cannot run \(program): \(error.localizedDescription)") }
        // Read stderr on another thread so a chatty Graphviz cannot block on a full pipe.
        let collected = ErrorCollector()
        let reader = Thread { collected.data = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        while !collected.done { usleep(1000) }
        if process.terminationStatus != 0 {
            throw DataError(message: "\(layout) failed (status \(process.terminationStatus)): \(String(decoding: collected.data ?? Data(), as: UTF8.self))")
        }
    }

    /// Standard error of a Graphviz run, filled by a reader thread.
    final class ErrorCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Data?
        var data: Data? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
        var done: Bool { data != nil }
    }
}
