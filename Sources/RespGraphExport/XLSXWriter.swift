import RespGraphModel

/// Writes a workbook (.xlsx, SpreadsheetML) of plain sheets: text cells as inline strings, whole
/// numbers and decimals as numbers, the first row frozen as a header. The archive is a ZIP of
/// stored (uncompressed) entries, which every reader accepts.
public enum XLSXWriter {
    /// One sheet: its name and rows of cells.
    public struct Sheet: Sendable {
        /// The sheet's name (at most 31 characters; `[]:*?/\` are replaced).
        public var name: String
        /// Rows of cells, the first being the header.
        public var rows: [[Cell]]

        /// Creates a sheet.
        public init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// A cell's value.
    public enum Cell: Sendable, Equatable {
        /// Text.
        case text(String)
        /// A number.
        case number(Double)
    }

    /// The bytes of a workbook holding the sheets.
    public static func workbook(_ sheets: [Sheet]) -> [UInt8] {
        var zip = ZipWriter()
        let names = uniqueNames(sheets.map(\.name))
        let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        let sheetOverrides = sheets.indices
            .map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"\(sheetType)\"/>" }.joined()
        let sheetList = names.enumerated()
            .map { "<sheet name=\"\(XMLText.escape($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
        let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        let sheetRelationships = sheets.indices
            .map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(worksheet)\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        zip.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(sheetOverrides)\
            </Types>
            """)
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        zip.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(sheetList)</sheets>\
            </workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(sheetRelationships)\
            </Relationships>
            """)
        for (i, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", sheetXML(sheet))
        }
        return zip.archive()
    }

    static func sheetXML(_ sheet: Sheet) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetData>
            """
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = column(c) + String(r + 1)
                switch cell {
                case .text(let t):
                    if t.isEmpty { continue }
                    out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escape(t))</t></is></c>"
                case .number(let v):
                    let text = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
                    out += "<c r=\"\(ref)\"><v>\(text)</v></c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(Unicode.Scalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// Sheet names as Excel allows them: unique, at most 31 characters, without `[]:*?/\`.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if base.isEmpty { base = "Sheet" }
            var candidate = base
            var k = 2
            while !seen.insert(candidate).inserted { candidate = String(base.prefix(28)) + "(\(k))"; k += 1 }
            return candidate
        }
    }
}

/// A ZIP archive of stored entries (APPNOTE 6.3 without compression), written in memory.
struct ZipWriter {
    private var data: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    private static func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }

    /// Adds an entry holding text as UTF-8.
    mutating func add(_ name: String, _ text: String) {
        let bytes = Array(text.utf8)
        let nameBytes = Array(name.utf8)
        let crc = Int(CRC32.checksum(bytes))
        let offset = data.count
        // Version 20, flag bit 11 (UTF-8 names), stored, fixed 1980-01-01 timestamp for reproducible files.
        let common = Self.le16(20) + Self.le16(0x0800) + Self.le16(0) + Self.le16(0) + Self.le16(0x21)
            + Self.le32(crc) + Self.le32(bytes.count) + Self.le32(bytes.count) + Self.le16(nameBytes.count) + Self.le16(0)
        data += [0x50, 0x4B, 0x03, 0x04] + common + nameBytes + bytes
        directory += [0x50, 0x4B, 0x01, 0x02] + Self.le16(20) + common + Self.le16(0) + Self.le16(0) + Self.le16(0)
            + Self.le32(0) + Self.le32(offset) + nameBytes
        count += 1
    }

    /// The archive's bytes.
    func archive() -> [UInt8] {
        data + directory + [0x50, 0x4B, 0x05, 0x06] + Self.le16(0) + Self.le16(0) + Self.le16(count) + Self.le16(count)
            + Self.le32(directory.count) + Self.le32(data.count) + Self.le16(0)
    }
}
