import RespGraphModel

/// Reads any document that has no flattened task table: its tables through ``TableRecogniser``
/// and its running text through ``BodyRecogniser``.
public struct BlockDocumentParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses a document read into blocks.
    ///
    /// - Throws: ``ImportError`` when no task can be read from any block.
    public func parse(_ original: BlockDocument, documentID: String? = nil) throws(ImportError) -> ImportedDocument {
        var diagnostics: [ImportDiagnostic] = original.findings
        // A document in traditional characters is read in simplified form, then spelled back.
        let restorer = TraditionalChinese.SpellingRestorer(texts: original.blocks.flatMap { b -> [String] in
            switch b {
            case .paragraph(let p): [p.text]
            case .table(let t): t.rows.flatMap { $0 }
            }
        })
        let doc = RunTogetherTable.rebuildingParagraphs(restorer == nil ? original : Self.simplified(original))
        let paragraphs = doc.blocks.compactMap { b -> TextBlock? in if case .paragraph(let p) = b { return p } else { return nil } }
        let convention = BodyRecogniser.convention(in: paragraphs)?.0
        var rows = BodyRecogniser(file: doc.file).tasks(paragraphs, diagnostics: &diagnostics)
        rows += Self.tableRows(doc, firstNumber: rows.filter { $0.level == .table }.count + 1, convention: convention,
                               diagnostics: &diagnostics)
        guard !rows.isEmpty else {
            // A limit the reader met may be why (a table read as text): say so.
            let limits = original.findings.filter { $0.code == .pastLimit }.map(\.message)
            throw ImportError(file: doc.file,
                              "no task found: no table names a 牵头单位/责任单位 column, and no paragraph carries an assignment clause "
                              + "such as （牵头单位：…）, （A牵头，B配合） or （A、B负责）"
                              + (limits.isEmpty ? "" : "; past a limit: " + limits.joined(separator: "; ")))
        }
        let id = documentID ?? doc.file.fileStem
        let title = Self.title(of: paragraphs).0 ?? Self.titleAboveTable(in: doc)
        var document = ImportedDocument(document: PlanDocument(id: id, title: title ?? doc.file.fileStem),
                                        file: doc.file, rows: rows, diagnostics: diagnostics)
        restorer?.restore(&document, noteAt: Self.firstTraditionalPlace(in: original))
        return document
    }

    /// A workbook's or a table-only page's title: a title row above the table's header (one text across the row).
    static func titleAboveTable(in doc: BlockDocument) -> String? {
        for case .table(let t) in doc.blocks {
            guard let h = TableRecogniser.headerRow(of: t) else { continue }
            let above = t.rows[..<h].compactMap { row -> TextBlock? in
                let values = Set(row.map(\.trimmed).filter { !$0.isEmpty })
                return values.count == 1 ? TextBlock(text: values.first!, place: BlockPlace(line: 0)) : nil
            }
            return title(of: above).0
        }
        return nil
    }

    /// Where a document first shows a traditional character, for the note that it was read simplified.
    static func firstTraditionalPlace(in doc: BlockDocument) -> BlockPlace {
        doc.blocks.lazy.compactMap { b -> BlockPlace? in
            switch b {
            case .paragraph(let p): TraditionalChinese.hasTraditional(p.text) ? p.place : nil
            case .table(let t):
                t.rows.firstIndex { $0.contains(where: TraditionalChinese.hasTraditional) }
                    .map { $0 < t.rowPlaces.count ? t.rowPlaces[$0] : BlockPlace(line: 1) }
            }
        }.first ?? BlockPlace(line: 1)
    }

    /// The tasks of every task table, numbered on from `firstNumber`. A workbook's sheets with a
    /// task-table header are all read, except one whose tasks (text and lead) all stand in sheets read
    /// before it (a 汇总 after its parts, or the parts after it); with several task sheets, a sheet's
    /// name is the category of its rows that name none.
    static func tableRows(_ doc: BlockDocument, firstNumber: Int, convention: AssignmentConvention?,
                          diagnostics: inout [ImportDiagnostic]) -> [TaskRow] {
        var rows: [TaskRow] = []
        var tableIndex = 0
        let tableRecogniser = TableRecogniser(file: doc.file)
        var sheetsRead: [(name: String, tasks: Set<String>)] = []
        var sheetRows: [(name: String, rows: Range<Int>)] = []
        for block in doc.blocks {
            guard case .table(let t) = block else { continue }
            tableIndex += 1
            var sheetDiagnostics: [ImportDiagnostic] = []
            guard let tableRows = tableRecogniser.tasks(t, tableIndex: tableIndex, firstNumber: firstNumber + rows.count,
                                                        convention: convention, diagnostics: &sheetDiagnostics) else {
                diagnostics += sheetDiagnostics
                continue
            }
            if doc.format == "xlsx", let sheet = t.rowPlaces.first?.sheet {
                // A task is the same task when its text and lead cell are.
                let tasks = Set(tableRows.map { TextCleaning.removingWhitespace($0.text + "|" + $0.leadCell) }.filter { $0 != "|" })
                let before = sheetsRead.reduce(into: Set<String>()) { $0.formUnion($1.tasks) }
                let sources = sheetsRead.filter { !$0.tasks.isDisjoint(with: tasks) }.map(\.name).joined(separator: ", ")
                if !tasks.isEmpty, tasks.isSubset(of: before) {
                    diagnostics.append(ImportDiagnostic(.note, file: doc.file, line: 0, code: .repeatedSheet,
                        "sheet \(sheet) holds \(tableRows.count) tasks that all stand in sheet \(sources) too; read once "
                            + "(--sheet \(sheet) reads it alone)"))
                    continue
                }
                if !sources.isEmpty {
                    // Some tasks stand in an earlier sheet too (a summary after some of its parts).
                    diagnostics.append(ImportDiagnostic(.warning, file: doc.file, line: 0, code: .repeatedSheet,
                        "sheet \(sheet) repeats \(tasks.intersection(before).count) of its \(tableRows.count) tasks from sheet \(sources); "
                        + "all are read, so check for tasks counted twice (--sheet NAME reads one sheet)"))
                }
                sheetsRead.append((sheet, tasks))
                sheetRows.append((sheet, rows.count..<(rows.count + tableRows.count)))
            }
            diagnostics += sheetDiagnostics
            rows += tableRows
        }
        if sheetRows.count > 1 {
            for (sheet, range) in sheetRows where !isDefaultSheetName(sheet) {
                for k in range where rows[k].indicator.isEmpty { rows[k].indicator = sheet }
            }
        }
        return rows
    }

    /// Whether a sheet keeps the name a spreadsheet gives it (Sheet1, 工作表1), which names no category.
    static func isDefaultSheetName(_ name: String) -> Bool {
        for prefix in ["Sheet", "sheet", "工作表", "Sheet ", "表"] where name.hasPrefix(prefix) {
            if name.dropFirst(prefix.count).allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// The document with every traditional character of ``TraditionalChinese`` made simplified; the
    /// two are equal character for character, so places and offsets hold for both.
    static func simplified(_ doc: BlockDocument) -> BlockDocument {
        var copy = doc
        copy.blocks = doc.blocks.map { b in
            switch b {
            case .paragraph(var p):
                p.text = TraditionalChinese.simplified(p.text)
                return .paragraph(p)
            case .table(var t):
                t.rows = t.rows.map { $0.map(TraditionalChinese.simplified) }
                return .table(t)
            }
        }
        return copy
    }

    /// Whether a line only marks an attachment (附件, 附件2, 附表：), never part of a title.
    static func isAttachmentMark(_ line: String) -> Bool {
        guard let mark = Lexicon.attachmentMarks.first(where: { line.hasPrefix($0) }) else { return false }
        return line.dropFirst(mark.count).allSatisfy { $0.isNumber || "：:、 一二三四五六七八九十".contains($0) }
    }


    /// The document's title (the first heading-like paragraph ending like a plan's name, joined with
    /// the line above when a title wraps) and its 文号 (国发〔2018〕39号), when present.
    static func title(of paragraphs: [TextBlock]) -> (String?, String?) {
        var title: String?
        var number: String?
        let head = Array(paragraphs.prefix(20))
        for (i, p) in head.enumerated() {
            let t = TextCleaning.removingWhitespace(p.text)
            if number == nil, t.count <= 30, t.hasSuffix("号"), t.contains("〔") || t.contains("[") || t.contains("［") { number = t }
            // A plan's name may end with its years: 行动计划（2024-2025年）, 行动方案（2021—2023）.
            var core = Substring(t)
            if core.hasSuffix("）") || core.hasSuffix(")"), let open = core.lastIndex(where: { $0 == "（" || $0 == "(" }),
               core[open...].contains(where: { $0.isNumber }) { core = core[..<open] }
            guard title == nil, t.count <= 80, !t.contains("。"),
            Lexicon.titleEndings.contains(where: { core.hasSuffix($0) || core.hasSuffix($0 + "》的通知") }) else { continue }
            if ItemNumbering.parse(t) != nil { continue }
            var full = t
            if i > 0 {
                let above = TextCleaning.removingWhitespace(head[i - 1].text)
                if above.count <= 30, !above.contains("："), !above.contains("。"), !above.hasSuffix("号"), ItemNumbering.parse(above) == nil,
                   !above.contains("链接"), !above.contains("引证码"), !above.contains("http"), !Self.isAttachmentMark(above) {
                    full = above + t
                }
            }
            title = full
        }
        return (title.map { t in number.map { "\(t)（\($0)）" } ?? t }, number)
    }
}
