import RespGraphModel
import Testing

/// The CSV reader and writer.
@Suite struct CSVTests {
    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let records = try CSV.parse("a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "he said \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let records = try CSV.parse("\u{FEFF}序号,任务\r\n1,甲\r\n")
        #expect(records.map(\.fields) == [["序号", "任务"], ["1", "甲"]])
    }

    @Test func writeThenReadGivesTheSameFields() throws {
        let rows = [["名称", "note"], ["自治区公安厅，民政厅", "a \"quoted\" word"], ["x\ny", " padded "]]
        #expect(try CSV.parse(CSV.format(rows)).map(\.fields) == rows)
    }

    @Test func textAfterClosingQuoteIsAnError() {
        #expect(throws: CSVError(line: 2, message: "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")) {
            _ = try CSV.parse("a,b\n\"x\"y,z\n")
        }
    }

    @Test func quotesInsideUnquotedFieldsLoneCRAndALastRecordWithoutLineEnd() throws {
        let records = try CSV.parse("a\"b,\"c\"\rx,y\n\"p\r\nq\",1\n末,尾")
        #expect(records.map(\.fields) == [["a\"b", "c"], ["x", "y"], ["p\r\nq", "1"], ["末", "尾"]])
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test func unbalancedQuoteNamesTheLineWhereItOpens() {
        #expect(throws: CSVError(line: 2, message: "a quoted field opened here is never closed (unbalanced quote)")) {
            _ = try CSV.parse("a,b\n\"open,\n\nmore\n")
        }
    }

    /// Random fields of separators, quotes, line breaks, blanks and Chinese text, written and read back.
    @Test func randomFieldsRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        let pieces = ["自治区", "公安厅", "，", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "a", "1", "、", "（牵头）"]
        for _ in 0..<300 {
            let rows = (0..<Int(1 + rng.next() % 4)).map { _ in
                (0..<Int(2 + rng.next() % 4)).map { _ in
                    (0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                }
            }
            // A record of one empty field is a blank line, which the reader skips.
            let written = rows.filter { $0 != [""] }
            let text = CSV.format(written)
            #expect(try CSV.parse(text).map(\.fields) == written, "\(text.debugDescription)")
        }
    }
}
