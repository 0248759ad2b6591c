import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RespGraphModel

/// Reading one file: its kind told from its bytes and name, then the reader for it.
extension Importer {
    /// Imports a file, choosing the reader by content (magic bytes, then extension): a Word document,
    /// an Excel workbook (`sheet` picks one; by default every sheet with a task-table header), an OFD
    /// document, a web page, a PDF (through Poppler's pdftotext), an old Word/Excel/WPS file or RTF
    /// (through LibreOffice), a task-table CSV, or text in UTF-8, UTF-16, GB18030 or Big5.
    /// Text with a tab-separated task-table header (a table flattened out of a PDF) goes to
    /// ``FlattenedTableRecogniser``, which repairs what the flattening broke; every other document goes
    /// through the block model: ``PlainTextReader`` or ``HTMLReader``, then ``BlockDocumentParser``.
    ///
    /// - Throws: ``ImportError`` for a missing, unreadable, oversized or empty file, undecodable
    ///   text (naming the line), a format respgraph does not read, or content that holds no task.
    public func importFile(atPath path: String, documentID: String? = nil, sheet: String? = nil) throws(ImportError) -> [ImportedDocument] {
        var bytes = try Self.readBytes(atPath: path)
        let lower = path.lowercased()
        if bytes.starts(with: Array("%PDF".utf8)) || lower.hasSuffix(".pdf") {
            return [checkRebuiltTable(try finish(try BlockDocumentParser().parse(try PDFReader.read(path: path), documentID: documentID)))]
        }
        if ZipArchive.isZip(bytes) || [".docx", ".xlsx", ".ofd"].contains(where: lower.hasSuffix) {
            var archive: ZipArchive
            do { archive = try ZipArchive(bytes) } catch { throw ImportError(file: path, error.message) }
            bytes = []
            let blocks: BlockDocument
            if OFDReader.isOFD(archive) {
                blocks = try OFDReader.read(&archive, file: path)
            } else if archive.entry("word/document.xml") != nil {
                blocks = try DOCXReader.read(&archive, file: path)
            } else if archive.entry("xl/workbook.xml") != nil {
                blocks = try XLSXReader.read(&archive, file: path, sheet: sheet)
                // A task table in respgraph's own columns (export --format xlsx) reads as the CSV does.
                for case .table(let t) in blocks.blocks {
                    guard let head = t.rows.first, ["document", "level", "number", "lead"].allSatisfy(head.contains) else { continue }
                    return try importTaskTable(csv: CSV.format(t.rows), file: path, documentID: documentID)
                }
            } else {
                throw ImportError(file: path, "a ZIP archive that is neither a Word (.docx), an Excel (.xlsx) nor an OFD (.ofd) file")
            }
            return [try finish(try BlockDocumentParser().parse(blocks, documentID: documentID))]
        }
        if let legacy = LegacyOfficeConverter.format(of: bytes, path: path) {
            return try importConverted(bytes, path: path, format: legacy, documentID: documentID, sheet: sheet)
        }
        if let kind = Self.unreadableKind(bytes) {
            throw ImportError(file: path,
                              "\(kind), not a document respgraph reads (text, .html, .doc/.docx, .xls/.xlsx, .wps/.et, .rtf, .pdf, .ofd "
                                  + "or .csv)")
        }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || HTMLReader.looksLikeHTML(bytes) {
            let (text, _) = try TextDecoding.decode(bytes, file: path, declared: HTMLReader.declaredCharset(bytes))
            return [try finish(try BlockDocumentParser().parse(HTMLReader.read(html: text, file: path), documentID: documentID))]
        }
        let (text, _) = try TextDecoding.decode(bytes, file: path)
        bytes = [] // the text holds the content now; free the bytes before parsing
        if Self.looksLikeCSV(text, path: path) {
            return try importTaskTable(csv: text, file: path, documentID: documentID)
        }
        return [try importDocumentText(text, file: path, documentID: documentID)]
    }

    /// Imports an old binary office file or RTF through LibreOffice (``LegacyOfficeConverter``): the
    /// converted .docx or .xlsx is read as such, under the original file's name and document id, with
    /// a note saying it was converted.
    func importConverted(_ bytes: [UInt8], path: String, format: LegacyOfficeConverter.Format,
                         documentID: String?, sheet: String?) throws(ImportError) -> [ImportedDocument] {
        let converted = try LegacyOfficeConverter.convert(bytes, path: path, format: format)
        defer { try? FileManager.default.removeItem(atPath: converted.folder) }
        var documents: [ImportedDocument]
        do {
            documents = try importFile(atPath: converted.file, documentID: documentID ?? path.fileStem, sheet: sheet)
        } catch {
            var named = error
            named.file = path
            named.message = named.message.replacingOccurrences(of: converted.file, with: path)
            throw named
        }
        for i in documents.indices {
            documents[i].file = path
            for k in documents[i].diagnostics.indices { documents[i].diagnostics[k].file = path }
            documents[i].diagnostics.insert(ImportDiagnostic(.note, file: path, line: 0, code: .converted,
                "\(format.description), read after LibreOffice converted it to .\(format.extensions.output)"), at: 0)
        }
        return documents
    }

    /// What an old binary office file or RTF is taken for, by its content (a Word file named .xls is
    /// still a document), or nil for any other file.
    public static func legacyFormatDescription(of bytes: [UInt8], path: String) -> String? {
        LegacyOfficeConverter.format(of: bytes, path: path)?.description
    }

    /// The file extensions read from a folder.
    public static let documentExtensions: Set<String> = ["txt", "text", "html", "htm", "csv", "pdf", "docx", "xlsx", "ofd",
                                                         "doc", "xls", "wps", "et", "rtf"]

    /// What a file is when its first bytes show a format respgraph does not read (an image, an
    /// archive, a program, RTF), or binary data (NUL bytes without a UTF-16 byte-order mark).
    static func unreadableKind(_ bytes: [UInt8]) -> String? {
        let magic: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), (Array("GIF8".utf8), "a GIF image"),
            ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"), ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"), (Array("Rar!".utf8), "a RAR archive"),
            ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"), ([0x1F, 0x8B], "a gzip archive"), ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
            (Array("{\\rtf".utf8), "an RTF document (save it as .docx)"), (Array("OggS".utf8), "an audio file"),
        ]
        for (prefix, kind) in magic where bytes.starts(with: prefix) { return kind }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE,
                                                                   0xFF]) || ZipArchive.isZip(bytes) || bytes.starts(with: [0xD0,
            0xCF, 0x11, 0xE0]) { return nil }
        if bytes.prefix(4096).contains(0) { return "binary data" }
        return nil
    }

    /// Whether a text holds a task-table header flattened with tabs (a table extracted from PDF).
    static func hasFlattenedTable(_ text: String) -> Bool {
        guard text.unicodeScalars.contains("\t") else { return false }
        for line in PlainTextReader.lines(of: text) where line.unicodeScalars.contains("\t") {
            if ColumnMap(header: line.components(separatedBy: "\t")) != nil { return true }
        }
        return false
    }

    /// Whether a character has no place in a name: U+FFFD (the stand-in for bytes that were not valid
    /// text) or a control character.
    static func isSuspect(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{FFFD}" || scalar.properties.generalCategory == .control
    }

    /// Reads a file's bytes, with clear errors for what can go wrong.
    public static func readBytes(atPath path: String) throws(ImportError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // A name that is not valid UTF-8 reaches respgraph with U+FFFD in place of its bytes.
            if path.contains("\u{FFFD}") {
                throw ImportError(file: path,
                                  "the file's name is not valid UTF-8 (shown with �), so it cannot be opened by that name; rename the "
                                      + "file (convmv -f GBK -t UTF-8 converts names) or read its folder")
            }
            throw ImportError(file: path, "no such file")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw ImportError(file: path, "is a folder, not a file") }
        if Int(info.st_size) > maximumFileSize {
            throw ImportError(file: path,
                              "the file is \(Int(info.st_size) >> 20) MiB; respgraph reads files up to \(maximumFileSize >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, "cannot be read (check its permissions)")
        }
        if data.count > maximumFileSize {
            throw ImportError(file: path, "the file is \(data.count >> 20) MiB; respgraph reads files up to \(maximumFileSize >> 20) MiB")
        }
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ImportError(file: path, "the file is empty")
        }
        return [UInt8](data)
    }

    /// Reads a text file (a registry, a corrections file, a task table) in UTF-8, UTF-16, GB18030 or Big5.
    public static func readText(atPath path: String) throws(ImportError) -> String {
        try TextDecoding.decode(try readBytes(atPath: path), file: path).text
    }

    /// Whether text is a task-table CSV: a `.csv` name, or a first line that reads as a CSV header.
    static func looksLikeCSV(_ text: String, path: String) -> Bool {
        if path.lowercased().hasSuffix(".csv") { return true }
        guard let first = text.split(separator: "\n").first(where: { !$0.trimmed.isEmpty }) else { return false }
        if first.unicodeScalars.contains("\t") { return false }
        guard let record = (try? CSV.parse(String(first)))?.first else { return false }
        return record.fields.count > 1 && ColumnMap(header: record.fields) != nil
    }
}
