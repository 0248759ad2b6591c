#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RespGraphCLI

/// Writes all of a text to a file descriptor; false when the descriptor refuses it (a closed pipe,
/// a full disk).
func writeAll(_ text: String, to fd: Int32) -> Bool {
    var bytes = Array(text.utf8)
    var offset = 0
    return bytes.withUnsafeMutableBytes { buffer -> Bool in
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}

// A closed standard output is an error to report, not a signal that ends the process silently.
signal(SIGPIPE, SIG_IGN)
// Interrupted, respgraph leaves none of the programs it runs (pdftotext, LibreOffice, Graphviz) behind.
RespGraphCommandLine.endProgramsOnInterrupt()
/// The width tables fit: `COLUMNS` when set, else the terminal's when standard output is one; nil for
/// a pipe or a file, which get tables at their natural width.
func terminalWidth() -> Int? {
    if let text = getenv("COLUMNS").map({ String(cString: $0) }), let n = Int(text), n > 0 { return n }
    guard isatty(1) != 0 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

// CJK terminals draw East Asian Ambiguous characters (“ ” … ─) two columns wide: RESPGRAPH_AMBIGUOUS_WIDE=1 says so.
let ambiguousWide = getenv("RESPGRAPH_AMBIGUOUS_WIDE").map { String(cString: $0) == "1" } ?? false
let result = RespGraphCommandLine.run(Array(CommandLine.arguments.dropFirst()), terminalWidth: terminalWidth(),
                                      ambiguousWide: ambiguousWide)
var status = result.status
if !writeAll(result.stdout, to: 1) {
    let reason = String(cString: strerror(errno))
    _ = writeAll("respgraph: error: cannot write to standard output: \(reason)\n", to: 2)
    if status == 0 { status = 1 }
}
_ = writeAll(result.stderr, to: 2)
exit(status)
