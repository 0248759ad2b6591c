import Foundation

/// Text of a PDF through Poppler's `pdftotext`, an external program like Graphviz's `dot`.
///
/// Running text comes from plain `pdftotext` (reading order, pages separated by form feeds); tables
/// from its word boxes (`-bbox-layout`, see ``PDFReader``). When `pdftotext` is missing the error
/// says how to install it.
public enum PDFTextExtraction {
    /// The text of a PDF file, pages separated by form feeds.
    ///
    /// - Throws: ``ImportError`` when pdftotext is missing, fails (an encrypted or damaged PDF), or
    ///   finds no text (a scanned PDF).
    public static func text(ofPDFAt path: String) throws(ImportError) -> String {
        try run(["-enc", "UTF-8", path, "-"], path: path)
    }

    /// The word boxes of a PDF (`pdftotext -bbox-layout`), as XHTML.
    public static func wordBoxes(ofPDFAt path: String) throws(ImportError) -> String {
        try run(["-bbox-layout", "-enc", "UTF-8", path, "-"], path: path)
    }

    static func run(_ arguments: [String], path: String) throws(ImportError) -> String {
        guard let tool = executable("pdftotext") else {
            throw ImportError(file: path, "reading a PDF needs Poppler's pdftotext, which is not installed (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw ImportError(file: path, "cannot run pdftotext: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = errors.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw ImportError(file: path, "pdftotext could not read the PDF (damaged or encrypted?): \(reason)")
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        if text.allSatisfy({ $0.isWhitespace }) {
            throw ImportError(file: path, "the PDF holds no text (a scanned image?); respgraph does not read images")
        }
        return text
    }

    /// The path of a program on PATH, if any.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
