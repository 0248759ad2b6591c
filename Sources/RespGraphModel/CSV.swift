import Foundation

/// A record of a CSV file with the 1-based line on which it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The line the record starts on.
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]
}

/// A malformed CSV file: what is wrong and on which line.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the problem starts.
    public var line: Int
    /// What is wrong, for an analyst.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Reads and writes RFC 4180 CSV: comma-separated, `"`-quoted fields with `""` for a quote,
/// line breaks allowed inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark.
public enum CSV {
    /// Parses CSV text into records; blank lines are skipped.
    ///
    /// - Throws: ``CSVError`` for a quote that is never closed or text after a closing quote.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try parse(text) { records.append($0); return true }
        return records
    }

    /// Parses CSV text record by record, handing each to `body` as soon as it is read (so a large
    /// file's records are never all held at once); `body` returns false to stop.
    ///
    /// - Throws: ``CSVError`` as ``parse(_:)`` does, for the part read before `body` stopped.
    public static func parse(_ text: String, each body: (CSVRecord) -> Bool) throws(CSVError) {
        // Read in place from the string's own UTF-8 storage: a copy would double a large file's memory.
        var storage = text
        let failure: CSVError? = storage.withUTF8 { buffer in
            do throws(CSVError) { try parse(utf8: buffer, each: body); return nil } catch { return error }
        }
        if let failure { throw failure }
    }

    /// ``parse(_:each:)`` over UTF-8 bytes.
    static func parse(utf8 all: UnsafeBufferPointer<UInt8>, each body: (CSVRecord) -> Bool) throws(CSVError) {
        let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
        var scan = Scan()
        var i = 0
        while i < bytes.count && !scan.stopped {
            i = scan.inQuotes ? scan.quoted(bytes, at: i) : try scan.unquoted(bytes, at: i, body)
        }
        if scan.stopped { return }
        if scan.inQuotes {
            throw CSVError(line: scan.quoteLine, message: "a quoted field opened here is never closed (unbalanced quote)")
        }
        if !scan.field.isEmpty || !scan.fields.isEmpty || scan.afterQuote { scan.endRecord(body) }
    }

    /// The state of reading CSV bytes: the record and field being read, and where.
    private struct Scan {
        var stopped = false
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var afterQuote = false

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }

        /// Ends the record and hands it to `body` (a blank line is no record).
        mutating func endRecord(_ body: (CSVRecord) -> Bool) {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                if !body(CSVRecord(line: recordLine, fields: fields)) { stopped = true }
            }
            fields.removeAll(keepingCapacity: true)
        }

        /// Reads inside a quoted field from `i`: a doubled quote, the closing quote, or the run up to
        /// the next quote, copied at once. Returns where to go on.
        mutating func quoted(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
            let b = bytes[i]
            guard b == UInt8(ascii: "\"") else {
                var j = i
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\n") { line += 1 }
                    j += 1
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                return j
            }
            if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                field.append(b)
                return i + 2
            }
            inQuotes = false
            afterQuote = true
            return i + 1
        }

        /// Reads outside quotes from `i`: a separator, a line end (LF, CRLF or a lone CR), an opening
        /// quote, or the run up to the next separator or line end. Returns where to go on.
        mutating func unquoted(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ body: (CSVRecord) -> Bool) throws(CSVError) -> Int {
            switch bytes[i] {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                // A lone CR ends a record too (files saved with classic Mac line endings).
                endRecord(body)
                line += 1
                recordLine = line
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
            default:
                if afterQuote {
                    throw CSVError(line: line, message: "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
                }
                // The run up to the next separator or line end, copied at once (a quote inside an
                // unquoted field is kept as written).
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: "\n"), bytes[j] != UInt8(ascii: "\r") {
                    j += 1
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                return j
            }
            return i + 1
        }
    }

    /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing space.
    public static func escape(_ field: String) -> String {
        // By scalar: "\r\n" is one Character, equal neither to "\r" nor to "\n".
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        if !needsQuotes { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes records as CSV text with LF line ends and a final line end.
    public static func format(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(escape).joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
