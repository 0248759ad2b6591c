import Foundation
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Bad input gets an error naming the file, the line and the problem — never a trap.
@Suite struct BadInputTests {
    let importer = Importer(registry: try! AgencyRegistry(agencies: [
        Agency(name: "自治区公安厅", kind: .regionalDepartment), Agency(name: "自治区民政厅", kind: .regionalDepartment),
    ]))

    func error(_ body: () throws -> Void) -> ImportError? {
        do { try body(); return nil } catch let e as ImportError { return e } catch { return nil }
    }

    @Test func missingFile() throws {
        let e = error { _ = try importer.importFile(atPath: "/nonexistent/plan.txt") }
        #expect(e?.file == "/nonexistent/plan.txt")
        #expect(e?.message.contains("no such file") == true)
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("empty.txt", "\n  \n")
        let e = error { _ = try importer.importFile(atPath: path) }
        #expect(e?.message.contains("empty") == true)
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let folder = try TemporaryFolder()
        var bytes = Array("序号\t任务\t牵头单位\n1\t甲\t".utf8)
        bytes += [0xB9, 0xAB, 0xB0, 0xB2] // GBK, not UTF-8
        bytes += Array("\n".utf8)
        let path = try folder.write("gbk.txt", bytes: bytes)
        let e = error { _ = try importer.importFile(atPath: path) }
        #expect(e?.line == 2)
        #expect(e?.message.contains("UTF-8") == true)
    }

    @Test func textWithoutATaskTable() throws {
        let e = error { _ = try importer.importDocumentText("关于印发某方案的通知\n\n各市人民政府：现印发给你们。\n", file: "notice.txt") }
        #expect(e?.message.contains("no task found") == true)
    }

    @Test func rowWithNoLeadIsImportedAndMarkedWithItsLine() throws {
        let text = "序号\t具体任务\t牵头单位\t配合单位\n1\t甲任务\t自治区公安厅\t\n2\t乙任务\t\t自治区民政厅\n"
        let d = try importer.importDocumentText(text, file: "plan.txt")
        #expect(d.blockingDiagnostics.isEmpty)
        let warning = d.diagnostics.first { $0.severity == .warning }
        #expect(warning?.line == 3)
        #expect(warning?.code == .missingLead)
        #expect(d.rows.map(\.review) == [[], ["missing-lead"]])
    }

    @Test func duplicateNumbersInDocumentText() throws {
        let text = "序号\t具体任务\t牵头单位\n1\t甲\t自治区公安厅\n2\t乙\t自治区公安厅\n2\t丙\t自治区民政厅\n3\t丁\t自治区民政厅\n"
        let d = try importer.importDocumentText(text, file: "plan.txt")
        #expect(d.blockingDiagnostics.contains { $0.code == .duplicateNumber && $0.line == 4 } || d.blockingDiagnostics.contains { $0.code == .numberSequence })
    }

    @Test func duplicateNumbersInATaskTable() throws {
        let csv = "number,text,lead\n1,甲,自治区公安厅\n1,乙,自治区民政厅\n"
        let docs = try importer.importTaskTable(csv: csv, file: "tasks.csv")
        #expect(docs[0].blockingDiagnostics.map(\.line) == [3])
        #expect(docs[0].blockingDiagnostics.first?.code == .duplicateNumber)
    }

    @Test func unbalancedQuoteNamesTheLineWhereTheFieldOpens() throws {
        let csv = "number,text,lead\n1,甲,自治区公安厅\n2,\"乙 never closed,自治区民政厅\n3,丙,自治区民政厅\n"
        let e = error { _ = try importer.importTaskTable(csv: csv, file: "tasks.csv") }
        #expect(e?.file == "tasks.csv")
        #expect(e?.line == 3)
        #expect(e?.message.contains("unbalanced quote") == true)
    }

    @Test func taskTableWithoutHeader() throws {
        let e = error { _ = try importer.importTaskTable(csv: "a,b,c\n1,2,3\n", file: "t.csv") }
        #expect(e?.line == 1)
        #expect(e?.message.contains("header") == true)
    }

    @Test func nonNumericNumberInATaskTable() throws {
        let e = error { _ = try importer.importTaskTable(csv: "序号,任务,牵头单位\n一,甲,自治区公安厅\n", file: "t.csv") }
        #expect(e?.line == 2)
    }

    @Test func correctionThatNoLongerMatchesIsAnError() throws {
        let corrections = try Corrections(csv: "document,line,action,field,expected,value,note\nplan,2,set,lead,别的单位,自治区民政厅,test\n", source: "c.csv")
        let importer = Importer(registry: self.importer.registry, corrections: corrections)
        let text = "2022年某某优化营商环境行动方案\n序号\t具体任务\t牵头单位\n1\t甲\t自治区公安厅\n"
        // Title differs, so the correction does not apply at all.
        #expect(throws: Never.self) { _ = try importer.importDocumentText(text, file: "p.txt") }
        let matching = try Corrections(csv: "document,line,action,field,expected,value,note\n2022年某某优化营商环境行动方案,3,set,lead,别的单位,自治区民政厅,test\n", source: "c.csv")
        let e = error { _ = try Importer(registry: self.importer.registry, corrections: matching).importDocumentText(text, file: "p.txt") }
        #expect(e?.file == "c.csv" && e?.line == 2)
        #expect(e?.message.contains("expects lead") == true)
    }

    @Test func correctionWithoutNoteIsRefused() throws {
        let e = error { _ = try Corrections(csv: "document,line,action,field,expected,value,note\nx,3,set,lead,,甲,\n", source: "c.csv") }
        #expect(e?.line == 2)
        #expect(e?.message.contains("note") == true)
    }

    @Test func registryWithUnknownKindOrDuplicateName() throws {
        #expect(throws: RegistryError.self) { _ = try AgencyRegistry(csv: "name,kind\n甲,ministry\n", source: "r.csv") }
        do {
            _ = try AgencyRegistry(csv: "name,kind,english_name,aliases\n甲,enterprise,,乙\n乙,enterprise,,\n", source: "r.csv")
            Issue.record("duplicate accepted")
        } catch {
            #expect(error.line == 3)
        }
    }
}

/// Names never carry U+FFFD or control characters without a finding; a file name that is not UTF-8
/// is said to be so.
@Suite struct SuspectCharacterTests {
    let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    @Test func namesWithReplacementOrControlCharactersAreMarked() throws {
        let d = try #require(try importer.importTaskTable(csv: "序号,任务,牵头单位,配合单位\n1,甲,县\u{FFFD}局,\"某\u{1}单位\"\n", file: "t.csv").first)
        let row = try #require(d.rows.first)
        #expect(row.leads == ["县\u{FFFD}局"])
        #expect(row.supporters == ["某单位"])
        #expect(row.review.contains("bad-characters"))
        #expect(d.diagnostics.filter { $0.code == .badCharacters }.count == 2)
    }

    @Test func aFileNameThatIsNotUTF8IsSaidToBe() throws {
        let e = #expect(throws: ImportError.self) { try Importer.readBytes(atPath: "/tmp/x\u{FFFD}\u{FFFD}.txt") }
        #expect(e?.message.contains("not valid UTF-8") == true)
    }
}
