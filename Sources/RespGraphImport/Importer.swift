import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RespGraphModel

/// The import pipeline: read a file (document text or task-table CSV), apply the corrections,
/// resolve agency names against the registry, and assemble a graph.
public struct Importer: Sendable {
    /// The agency registry names resolve against.
    public var registry: AgencyRegistry
    /// The corrections applied to documents whose titles they name.
    public var corrections: Corrections
    /// Whether names that carry only a level (省财政厅, 市审批服务局) take the place of their document's
    /// title (山东省财政厅, 包头市审批服务局), so plans of several places keep their agencies apart.
    public var qualifiesLevelNames = false
    /// Whether a PDF whose table could not be rebuilt with confidence (most rows guessed) is imported
    /// anyway, every guessed row marked; otherwise the import is refused with an error.
    public var acceptsGuessedTables = false

    /// The largest file respgraph reads (256 MiB); larger ones are refused with a message.
    public static let maximumFileSize = 256 << 20

    /// Creates an importer.
    public init(registry: AgencyRegistry, corrections: Corrections = Corrections()) {
        self.registry = registry
        self.corrections = corrections
    }

    /// The share of a PDF table's rows that may be guesses before the rebuild counts as failed.
    public static let guessedRowLimit = 0.5

    /// A PDF document whose table rows are mostly guesses (``DiagnosticCode/rebuiltRow``: cells set
    /// in the middle of unruled rows, rules that do not hold) gets an error saying so, which refuses
    /// the import; with ``acceptsGuessedTables`` a warning, the rows imported and marked.
    func checkRebuiltTable(_ document: ImportedDocument) -> ImportedDocument {
        let rows = document.rows.filter { $0.level == .table }
        let guessed = Set(document.diagnostics.filter { $0.code == .rebuiltRow }.compactMap(\.place))
        let count = rows.filter { guessed.contains($0.place ?? "") }.count
        guard rows.count >= 3, Double(count) > Self.guessedRowLimit * Double(rows.count) else { return document }
        var out = document
        let message = "the PDF's task table could not be rebuilt with confidence: \(count) of \(rows.count) rows are guesses "
            + "(cells not placed by rules or by their rows' tops)"
            + (acceptsGuessedTables ? "; imported as asked, every guessed row marked for review"
                : "; nothing is imported. Import the document's Word, Excel or web-page copy if there is one, or give --partial to import what could be read, each guessed row marked for review")
        out.diagnostics.append(ImportDiagnostic(acceptsGuessedTables ? .warning : .error, file: document.file, line: 0, code: .tableNotRebuilt, message))
        return out
    }

    /// Imports the raw text of a plan document: parse (a flattened task table through
    /// ``FlattenedTableRecogniser``, anything else through the block model), correct, resolve names.
    public func importDocumentText(_ text: String, file: String, documentID: String? = nil) throws(ImportError) -> ImportedDocument {
        let restorer = TraditionalChinese.SpellingRestorer(texts: [text])
        let simplified = restorer == nil ? text : TraditionalChinese.simplified(text)
        guard Self.hasFlattenedTable(simplified) else {
            return try finish(try BlockDocumentParser().parse(PlainTextReader.read(text: text, file: file), documentID: documentID))
        }
        var document = try FlattenedTableRecogniser().parse(text: simplified, file: file, documentID: documentID)
        restorer?.restore(&document, noteAt: BlockPlace(line: 1))
        try corrections.applySets(to: &document)
        resolveNames(in: &document)
        try corrections.applyAcceptances(to: &document)
        document.diagnostics = Self.sortedByLine(document.diagnostics)
        ReviewMarks.mark(&document)
        return document
    }

    /// Applies the corrections (without the flattened tables' rule that refuses a task with no lead or
    /// text: the recognisers warn of those), resolves names and orders the findings.
    func finish(_ parsed: ImportedDocument) throws(ImportError) -> ImportedDocument {
        var document = parsed
        try corrections.applySets(to: &document, requiresLeadAndText: false)
        resolveNames(in: &document)
        try corrections.applyAcceptances(to: &document)
        document.diagnostics = Self.sortedByLine(document.diagnostics)
        ReviewMarks.mark(&document)
        return document
    }

    /// Findings in line order, keeping the order of findings on the same line.
    static func sortedByLine(_ diagnostics: [ImportDiagnostic]) -> [ImportDiagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// Imports a task-table CSV: read, check, resolve names.
    public func importTaskTable(csv text: String, file: String, documentID: String? = nil) throws(ImportError) -> [ImportedDocument] {
        let slots = Slots(try TaskTableCSV.read(csv: text, file: file, defaultDocumentID: documentID))
        let errors = Slots<ImportError?>(repeating: nil, count: slots.count)
        // Documents are corrected and resolved independently, so they are shared out among the cores;
        // each keeps its place, and the first error in document order is the one reported.
        let count = slots.count, blocks = min(64, max(1, count))
        let memo = NameResolutionMemo()
        Parallel.forEachBlock(blocks) { block in
            for i in stride(from: block, to: count, by: blocks) {
                var d = slots.take(i, leaving: .placeholder)
                do throws(ImportError) { try corrections.applySets(to: &d, fromTaskTable: true) } catch {
                    errors.put(error, at: i)
                    continue
                }
                resolveNames(in: &d, memo: memo)
                do throws(ImportError) { try corrections.applyAcceptances(to: &d, fromTaskTable: true) } catch {
                    errors.put(error, at: i)
                    continue
                }
                d.diagnostics = Self.sortedByLine(d.diagnostics)
                ReviewMarks.mark(&d)
                slots.put(d, at: i)
            }
        }
        if let first = errors.all.lazy.compactMap({ $0 }).first { throw first }
        return slots.all
    }

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
            throw ImportError(file: path, "\(kind), not a document respgraph reads (text, .html, .doc/.docx, .xls/.xlsx, .wps/.et, .rtf, .pdf, .ofd or .csv)")
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
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || ZipArchive.isZip(bytes) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return nil }
        if bytes.prefix(4096).contains(0) { return "binary data" }
        return nil
    }

    /// Imports files and folders (every document file of a folder, in name order, not descending into
    /// subfolders), refusing two documents with the same id.
    ///
    /// - Throws: ``ImportError`` for the first file that cannot be read, an empty folder, or an id used twice.
    public func importPaths(_ paths: [String]) throws(ImportError) -> [ImportedDocument] {
        var documents: [ImportedDocument] = []
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                let found = names.filter { name in
                    guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
                    return Self.documentExtensions.contains(name[name.index(after: dot)...].lowercased())
                }
                if found.isEmpty { throw ImportError(file: path, "the folder holds no document (.txt, .html, .csv, .pdf, .doc/.docx, .xls/.xlsx, .wps/.et, .rtf, .ofd)") }
                files += found.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
            } else {
                files.append(path)
            }
        }
        var seen: [String: String] = [:]
        for file in files {
            for d in try importFile(atPath: file) {
                if let other = seen[d.document.id] {
                    throw ImportError(file: file, "the document id '\(d.document.id)' is already used by \(other); give one of them another id (--doc-id, or rename the file)")
                }
                seen[d.document.id] = file
                documents.append(d)
            }
        }
        if !qualifiesLevelNames { Self.warnOfSharedLevelNames(&documents) }
        return documents
    }

    /// The place a document's title names first: a province (山东省), a city, county or district
    /// (包头市, 某县), or nil (national documents, or no place in the title).
    public static func jurisdiction(ofTitle title: String) -> String? {
        let chars = Array(title.prefix(12))
        if let p = AgencyNameNormaliser.provinces.first(where: { title.hasPrefix($0) }) {
            let rest = title.dropFirst(p.count)
            for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"] where rest.hasPrefix(suffix) { return p + suffix }
            return p
        }
        for i in 1..<min(chars.count, 8) where AgencyNameNormaliser.placeMarkers.contains(chars[i]) {
            let word = String(chars[max(0, i - 1)...min(chars.count - 1, i + 1)])
            if AgencyNameNormaliser.markerWords.contains(where: { word.contains($0) }) { return nil }
            return String(chars[0...i])
        }
        return nil
    }

    /// A name that carries only its level, qualified by the document's place when the levels agree:
    /// 省财政厅 in a 山东省 plan → 山东省财政厅; 市审批服务局 in a 包头市 one → 包头市审批服务局.
    static func qualified(_ name: String, place: String) -> String {
        guard let level = name.first, AgencyNameNormaliser.placeMarkers.contains(level),
              !AgencyNameNormaliser.markerWords.contains(where: { name.hasPrefix($0) }) else { return name }
        if place.hasSuffix(String(level)) { return place + name.dropFirst() }
        if place.hasSuffix("自治区"), name.hasPrefix("自治区") { return place + name.dropFirst(3) }
        return name
    }

    /// Warns when documents of different places name the same agency by its level alone (省财政厅 in a
    /// Shandong and an Anhui plan): they are read as one agency, which a researcher must know.
    ///
    /// - Complexity: O(E) dictionary look-ups for E name occurrences; each distinct name's shape is
    ///   judged once.
    static func warnOfSharedLevelNames(_ documents: inout [ImportedDocument]) {
        // Each distinct name gets a number once; per name, whether it carries only a level, the last
        // document it was counted for, and the first document of each place that names it.
        var number: [NameKey: Int] = [:]
        var levelOnly: [Bool] = [], lastDocument: [Int] = [], byPlace: [[Int: Int]] = []
        var placeNumber: [String: Int] = [:], placeNames: [String] = []
        for i in documents.indices {
            guard let placeName = jurisdiction(ofTitle: documents[i].document.title) else { continue }
            let place = placeNumber[placeName] ?? placeNames.count
            if place == placeNames.count { placeNumber[placeName] = place; placeNames.append(placeName) }
            documents[i].rows.withUnsafeBufferPointer { rows in
                for r in rows.indices {
                    for role in 0..<2 {
                        for name in role == 0 ? rows[r].leads : rows[r].supporters {
                            let k: Int
                            if let known = number[NameKey(name)] { k = known } else {
                                k = levelOnly.count
                                number[NameKey(name)] = k
                                levelOnly.append(AgencyNameNormaliser.placeMarkers.contains(name.first ?? " ")
                                                 && !AgencyNameNormaliser.markerWords.contains(where: { name.hasPrefix($0) }))
                                lastDocument.append(-1)
                                byPlace.append([:])
                            }
                            guard levelOnly[k], lastDocument[k] != i else { continue }
                            lastDocument[k] = i
                            if byPlace[k][place] == nil { byPlace[k][place] = i }
                        }
                    }
                }
            }
        }
        var places: [(name: String, byPlace: [String: Int])] = []
        for (key, k) in number where byPlace[k].count > 1 {
            places.append((key.name, Dictionary(uniqueKeysWithValues: byPlace[k].map { (placeNames[$0.key], $0.value) })))
        }
        let sortedPlaces = places.sorted { $0.name < $1.name }
        for (name, byPlace) in sortedPlaces {
            let list = byPlace.sorted { $0.value < $1.value }
            let i = list[1].value
            documents[i].diagnostics.append(ImportDiagnostic(.warning, file: documents[i].file, line: 0, code: .sharedLevelName,
                "'\(name)' is named by documents of \(list.map(\.key).joined(separator: " and ")); they are read as one agency. --qualify-names reads them as \(list.map { "\($0.key)\(name.dropFirst())" }.joined(separator: " and ")) to keep them apart"))
        }
    }

    /// Whether a text holds a task-table header flattened with tabs (a table extracted from PDF).
    static func hasFlattenedTable(_ text: String) -> Bool {
        guard text.unicodeScalars.contains("\t") else { return false }
        for line in PlainTextReader.lines(of: text) where line.unicodeScalars.contains("\t") {
            if ColumnMap(header: line.components(separatedBy: "\t")) != nil { return true }
        }
        return false
    }

    /// Reads a file's bytes, with clear errors for what can go wrong.
    /// Whether a character has no place in a name: U+FFFD (the stand-in for bytes that were not valid
    /// text) or a control character.
    static func isSuspect(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{FFFD}" || scalar.properties.generalCategory == .control
    }

    public static func readBytes(atPath path: String) throws(ImportError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // A name that is not valid UTF-8 reaches respgraph with U+FFFD in place of its bytes.
            if path.contains("\u{FFFD}") {
                throw ImportError(file: path, "the file's name is not valid UTF-8 (shown with �), so it cannot be opened by that name; rename the file (convmv -f GBK -t UTF-8 converts names) or read its folder")
            }
            throw ImportError(file: path, "no such file")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw ImportError(file: path, "is a folder, not a file") }
        if Int(info.st_size) > maximumFileSize {
            throw ImportError(file: path, "the file is \(Int(info.st_size) >> 20) MiB; respgraph reads files up to \(maximumFileSize >> 20) MiB")
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

    /// Resolves every lead and support cell to canonical names, reporting unknown names and repairs.
    /// Where the document's ordering convention applies, the first lead leads and the rest support.
    /// A name the registry does not know is noted once per document with the kind its shape gives
    /// (``AgencyKindInference``), or warned about when no rule gives one.
    public func resolveNames(in document: inout ImportedDocument) {
        resolveNames(in: &document, memo: NameResolutionMemo())
    }

    /// What name resolution has already worked out, shared by the documents of one file and the
    /// threads resolving them: the kind inferred for each unknown name, inferred once.
    final class NameResolutionMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var index = NameIndex()
        private var kinds: [(kind: AgencyKind, rule: String)?] = []

        /// The kind ``AgencyKindInference`` gives a name.
        func kind(of name: String) -> (kind: AgencyKind, rule: String)? {
            lock.lock()
            if let k = index[name] {
                defer { lock.unlock() }
                return kinds[Int(k)]
            }
            lock.unlock()
            let inferred = AgencyKindInference.infer(name)
            lock.lock()
            if index.insert(name, value: Int32(kinds.count)).inserted { kinds.append(inferred) }
            lock.unlock()
            return inferred
        }
    }

    /// ``resolveNames(in:)`` reusing what `memo` holds.
    func resolveNames(in document: inout ImportedDocument, memo: NameResolutionMemo) {
        let normaliser = AgencyNameNormaliser(registry: registry)
        var reported = NameIndex()
        for i in document.rows.indices {
            let line = document.rows[i].sourceLine
            let place = document.rows[i].place
            for role in Role.allCases {
                let cell = role == .lead ? document.rows[i].leadCell : document.rows[i].supportCell
                var resolved = normaliser.resolve(cell)
                if qualifiesLevelNames, let place = Self.jurisdiction(ofTitle: document.document.title) {
                    for k in resolved.names.indices where !resolved.names[k].known {
                        let qualified = Self.qualified(resolved.names[k].name, place: place)
                        if qualified != resolved.names[k].name {
                            resolved.names[k] = ResolvedAgencyName(name: registry.canonicalName(of: qualified) ?? qualified,
                                                                   written: resolved.names[k].written, known: registry.knows(qualified))
                        }
                    }
                }
                // Names the registry does not know keep the document's spelling (traditional characters).
                if !document.rows[i].spellings.isEmpty {
                    for k in resolved.names.indices where !resolved.names[k].known {
                        if let spelled = document.rows[i].spellings[resolved.names[k].name] { resolved.names[k].name = spelled }
                    }
                }
                // A name holding U+FFFD (bytes its file did not encode validly) or a control character
                // (&#0; in XML) is kept, its control characters removed, and its row marked.
                // (A name the registry knows is clean: only the others are looked at, off the hot path.)
                for k in resolved.names.indices where !resolved.names[k].known && resolved.names[k].name.unicodeScalars.contains(where: Self.isSuspect) {
                    let written = resolved.names[k].name
                    resolved.names[k].name = String(String.UnicodeScalarView(written.unicodeScalars.filter { $0.properties.generalCategory != .control }))
                    var d = ImportDiagnostic(.warning, file: document.file, line: line, code: .badCharacters,
                        "\(role == .lead ? "牵头单位" : "配合单位"): '\(written.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())' holds \(written.contains("\u{FFFD}") ? "U+FFFD, bytes the file did not encode validly" : "control characters (removed)"); check the name against the source")
                    d.place = place
                    document.diagnostics.append(d)
                }
                let names = resolved.names.map(\.name)
                if names.isEmpty, resolved.rejected.isEmpty, cell.unicodeScalars.contains(where: { !$0.isBlank }) {
                    var d = ImportDiagnostic(.warning, file: document.file, line: line, code: .emptyNames,
                        "the \(role == .lead ? "牵头单位" : "配合单位") cell '\(cell)' names no agency (only punctuation)")
                    d.place = place
                    document.diagnostics.append(d)
                }
                if role == .lead { document.rows[i].leads = names } else { document.rows[i].supporters = names }
                for part in resolved.rejected {
                    var d = ImportDiagnostic(.warning, file: document.file, line: line, code: .notAName,
                        "\(role == .lead ? "牵头单位" : "配合单位"): '\(part)' is not an agency name (a sentence's words); left out of the graph: check the row")
                    d.place = place
                    document.diagnostics.append(d)
                }
                for repair in resolved.repairs {
                    var d = ImportDiagnostic(.note, file: document.file, line: line, code: .nameRepair,
                        "\(role == .lead ? "牵头单位" : "配合单位"): \(repair)")
                    d.place = place
                    document.diagnostics.append(d)
                }
                for name in resolved.names where !name.known {
                    // A name whose kind no rule tells is doubtful on every row that holds it.
                    if let unknownKind = reported[name.name] {
                        if unknownKind == 1 { ReviewMarks.add(.unknownAgency, to: &document.rows[i]) }
                        continue
                    }
                    var d: ImportDiagnostic
                    let inferred = memo.kind(of: name.name)
                    reported.insert(name.name, value: inferred == nil ? 1 : 0)
                    if let (kind, rule) = inferred {
                        d = ImportDiagnostic(.note, file: document.file, line: line, code: .unknownAgency,
                            "'\(name.name)' is not in the agency registry; kind \(kind.rawValue) inferred (\(rule))")
                    } else {
                        d = ImportDiagnostic(.warning, file: document.file, line: line, code: .unknownAgency,
                            "'\(name.name)' is not in the agency registry and its name fits no kind rule; kept with kind unknown")
                    }
                    d.place = place
                    document.diagnostics.append(d)
                }
            }
            if document.rows[i].firstListedLeads, document.rows[i].leads.count > 1 {
                let rest = document.rows[i].leads.dropFirst()
                document.rows[i].leads = [document.rows[i].leads[0]]
                document.rows[i].supporters = rest.filter { !document.rows[i].supporters.contains($0) } + document.rows[i].supporters
            }
            // An agency named as lead is not also its own supporter.
            if !document.rows[i].leads.isEmpty, !document.rows[i].supporters.isEmpty {
                let leads = document.rows[i].leads
                if document.rows[i].supporters.contains(where: leads.contains) {
                    document.rows[i].supporters.removeAll { leads.contains($0) }
                }
            }
        }
    }

    /// Assembles documents into one graph. Agencies are numbered in order of first appearance and
    /// take kind, aliases, English name and successor from the registry; unknown names get kind unknown.
    ///
    /// - Complexity: O(E) hash lookups for E assignments.
    public func graph(from documents: [ImportedDocument]) -> ResponsibilityGraph {
        var copy = documents
        return graph(consuming: &copy)
    }

    /// ``graph(from:)``, emptying each document's rows once they are in the graph, so a national
    /// corpus is never held twice (as rows and as the graph) at once. Titles and findings stay.
    ///
    /// The documents' rows are turned into tasks on all cores, each document numbering its own
    /// distinct names in order of first appearance; the documents are then joined in order with one
    /// look-up per distinct name per document, which numbers the agencies exactly as a single pass
    /// over every name would.
    public func graph(consuming documents: inout [ImportedDocument]) -> ResponsibilityGraph {
        var builder = ResponsibilityGraphBuilder()
        let documentIDs = documents.map { builder.addDocument($0.document) }
        let slots = Slots(documents)
        documents = []
        let count = slots.count, blocks = min(64, max(1, count))
        let parts = Slots(repeating: DocumentPart(), count: count)
        Parallel.forEachBlock(blocks) { block in
            var local = NameIndex()
            for i in stride(from: block, to: count, by: blocks) {
                var d = slots.take(i, leaving: .placeholder)
                let rows = d.rows
                d.rows = []
                slots.put(d, at: i)
                local.removeAll()
                var part = DocumentPart()
                part.tasks.reserveCapacity(rows.count)
                func number(_ name: String) -> Int32 {
                    let added = local.insert(name, value: Int32(part.names.count))
                    if added.inserted {
                        part.names.append(name)
                        part.registryIndices.append(canonicalRegistryIndex(of: name))
                    }
                    return added.value
                }
                for r in rows {
                    for name in r.leads { part.agencies.append(number(name)) }
                    part.leadEnds.append(Int32(part.agencies.count))
                    for name in r.supporters { part.agencies.append(number(name)) }
                    part.supportEnds.append(Int32(part.agencies.count))
                    part.tasks.append(PlanTask(document: documentIDs[i], level: r.level, number: r.number, label: r.label,
                                               indicator: r.indicator, direction: r.direction, text: r.text, deadline: r.deadline,
                                               sourceLine: r.sourceLine, sourcePlace: r.place, review: r.review))
                }
                parts.put(part, at: i)
            }
        }
        // Per distinct name of each document, its id in the graph: by registry index for a
        // registry's canonical name (no hashing here), by name for any other.
        var idOfRegistryIndex = [Int32](repeating: -1, count: registry.agencies.count)
        var idOfOtherName = NameIndex()
        var leads: [AgencyID] = [], supporters: [AgencyID] = []
        let sizes = parts.all.reduce(into: (tasks: 0, assignments: 0)) { $0.tasks += $1.tasks.count; $0.assignments += $1.agencies.count }
        builder.reserveCapacity(tasks: sizes.tasks, assignments: sizes.assignments)
        for i in 0..<count {
            let part = parts.take(i, leaving: DocumentPart())
            var global = [Int32](repeating: 0, count: part.names.count)
            for k in part.names.indices {
                let r = Int(part.registryIndices[k])
                if r >= 0 {
                    if idOfRegistryIndex[r] < 0 { idOfRegistryIndex[r] = builder.addAgency(registry.agencies[r]).rawValue }
                    global[k] = idOfRegistryIndex[r]
                } else if let known = idOfOtherName[part.names[k]] {
                    global[k] = known
                } else {
                    global[k] = builder.addAgency(agency(named: part.names[k])).rawValue
                    idOfOtherName.insert(part.names[k], value: global[k])
                }
            }
            var start = 0
            for t in part.tasks.indices {
                let leadEnd = Int(part.leadEnds[t]), supportEnd = Int(part.supportEnds[t])
                leads.removeAll(keepingCapacity: true)
                supporters.removeAll(keepingCapacity: true)
                for k in start..<leadEnd { leads.append(AgencyID(Int(global[Int(part.agencies[k])]))) }
                for k in leadEnd..<supportEnd { supporters.append(AgencyID(Int(global[Int(part.agencies[k])]))) }
                builder.addTask(part.tasks[t], leads: leads, supporters: supporters)
                start = supportEnd
            }
        }
        documents = slots.all
        return builder.build()
    }

    /// One document's rows as ``graph(consuming:)`` joins them: its tasks, its distinct names, and
    /// each task's leads then supporters as indices into those names.
    struct DocumentPart {
        var tasks: [PlanTask] = []
        var names: [String] = []
        /// Per name, its index in the registry when it is a registry agency's canonical name, else -1.
        var registryIndices: [Int32] = []
        var agencies: [Int32] = []
        /// Per task, the end of its leads in ``agencies``.
        var leadEnds: [Int32] = []
        /// Per task, the end of its supporters in ``agencies``.
        var supportEnds: [Int32] = []
    }

    /// The registry index of a registry agency's canonical name (not an alias), or -1.
    private func canonicalRegistryIndex(of name: String) -> Int32 {
        guard let r = registry.index(of: name), NameKey(registry.agencies[r].name) == NameKey(name) else { return -1 }
        return Int32(r)
    }

    private func agency(named name: String) -> Agency {
        registry.agency(named: name) ?? Agency(name: name, kind: AgencyKindInference.infer(name)?.kind ?? .unknown)
    }
}
