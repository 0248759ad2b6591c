import Foundation
import RespGraphTestSupport
import Testing

/// The hostile corpus: every case Fixtures/hostile/make_hostile.py writes (nested tables, spans,
/// unclosed elements, long paragraphs and lines, entity expansion and external entities, zip bombs,
/// truncated archives, shared strings and merged cells that multiply text, huge coordinates, damaged
/// PDFs, invalid bytes) is imported by the built binary under a memory limit (ulimit -v) and a time
/// limit, and must end with rows (exit 0) or a clear error (exit 1): never a trap, a kill or a hang.
@Suite struct HostileInputTests {
    /// Seconds a case may take in a debug build on a busy 2-core machine (release takes a fifth; the
    /// slowest case alone takes about 10 s in a debug build): past it the case is killed as a hang.
    static let secondsPerCase = 90.0
    /// Virtual memory a case may use, in KiB (ulimit -v): 2 GiB.
    static let memoryKiB = 2 << 20

    @Test(.needs(.python)) func everyHostileCaseEndsWithRowsOrAClearError() throws {
        let folder = try TemporaryFolder()
        let cases = folder.path + "/cases"
        let make = Process()
        make.executableURL = URL(fileURLWithPath: try #require(Requirement.which("python3")))
        make.arguments = [Repository.path("Tests/RespGraphImportTests/Fixtures/hostile/make_hostile.py"), cases]
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let binary = try #require(RespgraphBinary.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: cases).sorted()
        #expect(names.count >= 30)
        var report: [String] = []
        for name in names {
            let started = Date()
            let script = "ulimit -v \(Self.memoryKiB); exec timeout -s KILL \(Int(Self.secondsPerCase)) \"$0\" import \"$1\" -o \"$2\""
            let out = try RespgraphBinary.runShell(script, arguments: [binary, "\(cases)/\(name)", "\(folder.path)/\(name).csv"])
            let seconds = Date().timeIntervalSince(started)
            report.append("\(name): exit \(out.status), \(String(format: "%.2f", seconds)) s")
            #expect(out.status == 0 || out.status == 1, "\(name): exit \(out.status) (124/137: killed at the time limit; 134: a trap)\n\(out.stderr.suffix(400))")
            if out.status == 1 { #expect(out.stderr.contains("error:"), "\(name): exit 1 without an error message") }
            #expect(!out.stderr.contains("Fatal error"), "\(name): \(out.stderr.suffix(400))")
        }
        print(report.joined(separator: "\n"))
    }
}
