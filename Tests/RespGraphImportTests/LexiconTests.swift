@testable import RespGraphImport
import RespGraphModel
import Testing

/// The vocabulary is one list: every role label works as a clause label and as a table header alike,
/// and traditional characters find it through folding.
@Suite struct LexiconTests {
    static let roles: [(String, Lexicon.Role)] = Lexicon.roleLabels.filter { [.lead, .support, .responsible].contains($0.role) }.map { ($0.word, $0.role) }

    @Test(arguments: roles.map(\.0))
    func aRoleLabelWorksInAClauseAndAsATableHeader(word: String) throws {
        let role = try #require(Self.roles.first { $0.0 == word }?.1)
        // In a clause.
        let clause = try #require(AssignmentClauseParser.parse("\(word)：省财政厅"), "\(word) as a clause label")
        switch role {
        case .support: #expect(clause.supporters == "省财政厅", "\(word)")
        default: #expect(clause.leads == "省财政厅", "\(word)")
        }
        // As a table header, beside the columns a task table needs.
        let header = role == .support ? ["序号", "具体任务", "牵头单位", word] : ["序号", "具体任务", word]
        let table = TableBlock(rows: [header, role == .support ? ["1", "推进改革", "省发展改革委", "省财政厅"] : ["1", "推进改革", "省财政厅"]],
                               rowPlaces: [BlockPlace(line: 1), BlockPlace(line: 2)])
        var findings: [ImportDiagnostic] = []
        let rows = try #require(TableRecogniser(file: "t").tasks(table, tableIndex: 1, firstNumber: 1, convention: nil, diagnostics: &findings),
                                "\(word) as a table header")
        #expect(rows.count == 1)
        if role == .support {
            #expect(rows.first?.supportCell == "省财政厅", "\(word)")
        } else {
            #expect(rows.first?.leadCell == "省财政厅", "\(word)")
        }
    }

    @Test func traditionalLabelsFoldToTheLexicon() throws {
        let clause = try #require(AssignmentClauseParser.parse("牽頭單位：省財政廳；配合單位：省審計廳"))
        #expect(clause.leads == "省财政厅")
        #expect(clause.supporters == "省审计厅")
        #expect(TaskField.named(TraditionalChinese.simplified("承辦單位")) == .responsible)
    }
}
