import Foundation

/// Old binary office files — Word 97–2003 (.doc), Excel 97–2003 (.xls), WPS Office's own .wps and
/// .et (the same compound-file format) and RTF — converted by LibreOffice into .docx or .xlsx, which
/// ``DOCXReader`` and ``XLSXReader`` read. Offices still keep and publish many plans in these formats.
///
/// LibreOffice runs headless with a profile of its own in a temporary folder (so a LibreOffice the
/// user has open does not block it) and under a time limit; when it is not installed the error says
/// how to install it or what to save the file as.
enum LegacyOfficeConverter {
    /// A format LibreOffice converts.
    enum Format: Equatable {
        /// A word-processor file (.doc, .wps, .rtf): converted to .docx.
        case document(String)
        /// A spreadsheet (.xls, .et): converted to .xlsx.
        case workbook(String)

        /// What the user sees: "a Word 97–2003 document (.doc)".
        var description: String {
            switch self {
            case .document(let what), .workbook(let what): what
            }
        }

        /// The extension LibreOffice is given the file under, and the one it converts to.
        var extensions: (input: String, output: String) {
            switch self {
            case .document: ("doc", "docx")
            case .workbook: ("xls", "xlsx")
            }
        }
    }

    /// The compound-file signature of .doc, .xls, .wps and .et files.
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The legacy format of a file, by its content: a compound file holding a `WordDocument` stream is
    /// a document, one holding `Workbook` or `Book` a spreadsheet (else its extension decides); RTF
    /// starts with `{\rtf`. Nil for anything else.
    static func format(of bytes: [UInt8], path: String) -> Format? {
        let lower = path.lowercased()
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .document("an RTF document") }
        guard bytes.starts(with: compoundFileSignature) else { return nil }
        let isWPS = lower.hasSuffix(".wps") || lower.hasSuffix(".et")
        if containsStreamName("WordDocument", in: bytes) {
            return .document(isWPS ? "a WPS document (.wps)" : "a Word 97–2003 document (.doc)")
        }
        if containsStreamName("Workbook", in: bytes) || containsStreamName("Book", in: bytes) {
            return .workbook(isWPS ? "a WPS spreadsheet (.et)" : "an Excel 97–2003 workbook (.xls)")
        }
        if lower.hasSuffix(".xls") || lower.hasSuffix(".et") { return .workbook("an Excel 97–2003 workbook (.xls)") }
        return .document("a Word 97–2003 document (.doc)")
    }

    /// Whether a compound file's directory names a stream (names are stored in UTF-16LE).
    static func containsStreamName(_ name: String, in bytes: [UInt8]) -> Bool {
        var pattern: [UInt8] = []
        for unit in name.utf16 { pattern += [UInt8(truncatingIfNeeded: unit), UInt8(truncatingIfNeeded: unit >> 8)] }
        pattern += [0, 0]
        guard pattern.count <= bytes.count, let first = pattern.first else { return false }
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == first && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }

    /// How long LibreOffice may take over one file.
    static let timeLimit: Double = 180

    /// Converts `bytes` (the content of `path`) with LibreOffice into a new temporary folder; returns
    /// the converted file's path and the folder, which the caller removes.
    ///
    /// - Throws: ``ImportError`` when LibreOffice is not installed, fails, or gives no file.
    static func convert(_ bytes: [UInt8], path: String, format: Format) throws(ImportError) -> (file: String, folder: String) {
        guard let soffice = ExternalProgram.find("soffice") ?? ExternalProgram.find("libreoffice") else {
            throw ImportError(file: path,
                              "\(format.description), which respgraph reads through LibreOffice, and LibreOffice is not installed: "
                                  + "install it (Debian/Ubuntu: apt install libreoffice-writer libreoffice-calc; macOS: brew install "
                                  + "--cask libreoffice), or save the file as .\(format.extensions.output)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respgraph-\(UUID().uuidString)").path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw ImportError(file: path, "cannot make a temporary folder for LibreOffice: \(error.localizedDescription)")
        }
        // Under the file's own name (a title-less document is named after its file) with the extension
        // that picks LibreOffice's Word or Excel filter (a WPS .wps would otherwise be taken for a
        // Microsoft Works file).
        let stem = path.fileStem.isEmpty ? "document" : path.fileStem
        let input = "\(folder)/\(stem).\(format.extensions.input)"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else {
            try? FileManager.default.removeItem(atPath: folder)
            throw ImportError(file: path, "cannot write a temporary copy for LibreOffice in \(folder)")
        }
        let output = "\(folder)/\(stem).\(format.extensions.output)"
        // A file URL: a space, '#' or '%' in the temporary folder's path (TMPDIR) is percent-encoded.
        let profile = URL(fileURLWithPath: folder + "/profile").absoluteString
        let arguments = ["--headless", "--norestore", "--nolockcheck", "-env:UserInstallation=\(profile)",
                         "--convert-to", format.extensions.output, "--outdir", folder, input]
        let result: ExternalProgram.Output
        do { result = try ExternalProgram.run(soffice, arguments, timeLimit: timeLimit) } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw ImportError(file: path, "LibreOffice (\(soffice)) could not be started: \(error.localizedDescription)")
        }
        if result.timedOut {
            try? FileManager.default.removeItem(atPath: folder)
            throw ImportError(file: path,
                              "LibreOffice took more than \(Int(timeLimit)) s to convert \(format.description) and was stopped; save the "
                                  + "file as .\(format.extensions.output) and import that")
        }
        guard result.status == 0, FileManager.default.fileExists(atPath: output) else {
            try? FileManager.default.removeItem(atPath: folder)
            // What LibreOffice said, without its warning about Java, which it prints on every run.
            let said = String(decoding: result.stderr + result.stdout, as: UTF8.self).split(separator: "\n")
                .filter { !$0.contains("javaldx") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "; ")
            throw ImportError(file: path,
                              "LibreOffice could not convert \(format.description) (it may be damaged or "
                                  + "password-protected)\(said.isEmpty ? "" : ": \(said.prefix(300))")")
        }
        return (output, folder)
    }
}
