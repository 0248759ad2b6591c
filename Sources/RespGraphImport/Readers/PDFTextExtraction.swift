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
        guard let tool = ExternalProgram.find("pdftotext") else {
            throw ImportError(file: path, "reading a PDF needs Poppler's pdftotext, which is not installed (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")
        }
        let result: ExternalProgram.Output
        do { result = try ExternalProgram.run(tool, arguments) } catch {
            throw ImportError(file: path, "cannot run pdftotext: \(error.localizedDescription)")
        }
        guard result.status == 0 else {
            let errors = String(decoding: result.stderr, as: UTF8.self)
            let reason = errors.split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
            throw ImportError(file: path, "pdftotext could not read the PDF (damaged or encrypted?): \(reason)")
        }
        let text = String(decoding: result.stdout, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        if text.allSatisfy({ $0.isWhitespace }) {
            throw ImportError(file: path, "the PDF holds no text (a scanned image?); respgraph does not read images")
        }
        return text
    }
}
