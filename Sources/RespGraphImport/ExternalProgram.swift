import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        /// Whether the program was stopped for running past its time limit.
        public var timedOut = false
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

    /// Runs a program to its end, feeding `input` to its standard input. With a time limit the
    /// program is stopped once it runs longer: through coreutils' `timeout` where there is one, which
    /// also stops the processes the program started (LibreOffice's soffice.bin), else by terminating it.
    ///
    /// - Throws: the error of `Process.run` when the program cannot be started.
    public static func run(_ path: String, _ arguments: [String], input: Data? = nil, timeLimit: Double? = nil) throws -> Output {
        let process = Process()
        let limiter = timeLimit.flatMap { _ in find("timeout") }
        var command = [path] + arguments
        if let limit = timeLimit, let limiter {
            // KILL, which a blocked or ignored TERM cannot stop (a child inherits its parent's mask).
            command = [limiter, "--signal=KILL", String(format: "%.0f", limit)] + command
        }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let out = Pipe(), err = Pipe()
        let stdin = input.map { _ in Pipe() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        // Foundation starts the program as the leader of a process group of its own, which everything
        // it starts (LibreOffice's oosplash and soffice.bin, coreutils' timeout and its command) joins:
        // the group is ended when the program is done, when its time is up, or when respgraph is
        // interrupted, so nothing of it is left running.
        let processGroup = process.processIdentifier
        RunningPrograms.add(processGroup)
        defer {
            kill(-processGroup, SIGKILL)
            RunningPrograms.remove(processGroup)
        }
        let collected = Collected()
        let started = DispatchTime.now()
        if let limit = timeLimit, limiter == nil {
            Thread {
                Thread.sleep(forTimeInterval: limit)
                if process.isRunning {
                    collected.timedOut = true
                    process.terminate()
                }
            }.start()
        }
        let group = DispatchGroup()
        // On threads of their own, not the shared dispatch pool, which the cores' own work may hold.
        for (handle, isError) in [(out.fileHandleForReading, false), (err.fileHandleForReading, true)] {
            group.enter()
            Thread {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }.start()
        }
        if let pipe = stdin, let data = input {
            pipe.fileHandleForWriting.write(data)
            try? pipe.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        // coreutils' timeout exits with 137 (128 + KILL) once the limit passed, or is itself killed
        // with its process group.
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let killed = process.terminationReason == .uncaughtSignal || [124, 137].contains(process.terminationStatus)
        let timedOut = collected.timedOut || (limiter != nil && killed && elapsed >= (timeLimit ?? 0))
        return Output(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr, timedOut: timedOut)
    }

    /// The two streams, filled by the reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var stdout = Data()
        private(set) var stderr = Data()
        /// Set by the watchdog that stopped the program.
        var timedOut: Bool {
            get { lock.lock(); defer { lock.unlock() }; return stopped }
            set { lock.lock(); stopped = newValue; lock.unlock() }
        }
        private var stopped = false
        func set(_ data: Data, isError: Bool) {
            lock.lock()
            if isError { stderr = data } else { stdout = data }
            lock.unlock()
        }
    }
}

/// The process groups of the external programs running now, kept in fixed slots so a signal handler
/// can end them without allocating: respgraph interrupted (Ctrl-C, SIGTERM, SIGHUP) leaves nothing of
/// theirs running.
public enum RunningPrograms {
    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    static let lock = NSLock()

    /// Makes the slots before any signal handler may read them.
    public static func prepare() { _ = slots }

    static func add(_ group: Int32) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<capacity where slots[i] == 0 { slots[i] = group; return }
    }

    static func remove(_ group: Int32) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<capacity where slots[i] == group { slots[i] = 0 }
    }

    /// Ends every running program's process group; safe in a signal handler (reads the slots, calls kill).
    public static func endAll() {
        for i in 0..<capacity {
            let group = slots[i]
            if group > 0 { kill(-group, SIGKILL) }
        }
    }
}
