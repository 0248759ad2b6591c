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
}
