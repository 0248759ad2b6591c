import Foundation

/// The words of a PDF and their boxes through Poppler's `pdftotext -bbox-layout`, an external program
/// like Graphviz's `dot`, from which ``PDFReader`` rebuilds tables and paragraphs. When `pdftotext`
/// is missing the error says how to install it.
public enum PDFTextExtraction {
    /// The word boxes of a PDF (`pdftotext -bbox-layout`), as XHTML.
    ///
    /// - Throws: ``ImportError`` when pdftotext is missing or fails (an encrypted or damaged PDF).
    public static func wordBoxes(ofPDFAt path: String) throws(ImportError) -> String {
        try run(["-bbox-layout", "-enc", "UTF-8", path, "-"], path: path)
    }

    /// The longest pdftotext may run on one file.
    static let timeLimit = 120.0

    static func run(_ arguments: [String], path: String) throws(ImportError) -> String {
        guard let tool = ExternalProgram.find("pdftotext") else {
            throw ImportError(file: path,
                              "reading a PDF needs Poppler's pdftotext, which is not installed (Debian/Ubuntu: apt-get install "
                                  + "poppler-utils; macOS: brew install poppler)")
        }
        let result: ExternalProgram.Output
        do { result = try ExternalProgram.run(tool, arguments, timeLimit: timeLimit) } catch {
            throw ImportError(file: path, "cannot run pdftotext: \(error.localizedDescription)")
        }
        if result.timedOut {
            throw ImportError(file: path, "pdftotext did not finish within \(Int(timeLimit)) s (a damaged or hostile PDF?); stopped")
        }
        guard result.status == 0 else {
            let errors = String(decoding: result.stderr, as: UTF8.self)
            let reason = errors.split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
            throw ImportError(file: path, "pdftotext could not read the PDF (damaged or encrypted?): \(reason)")
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }
}
