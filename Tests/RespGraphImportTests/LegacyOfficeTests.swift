import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Old binary Word/Excel files, WPS's .wps/.et and RTF, read through LibreOffice: each must give what
/// the .docx or .xlsx it was saved from gives (fixtures saved by LibreOffice; make_office_fixtures.py);
/// and the corpus saved as Word by LibreOffice gives what the originals give.
@Suite struct LegacyOfficeTests {
    static let importer = OfficeReaderTests.importer
    static func fixture(_ name: String) -> String { OfficeReaderTests.fixture(name) }

    @Test(.needs(.libreOffice), arguments: [("county-plan.doc", "county-plan.docx"), ("county-plan.rtf", "county-plan.docx"),
                      ("county-plan-wps.wps", "county-plan.docx"), ("guangxi-2024-table.xls", "guangxi-2024-table.xlsx"),
                      ("guangxi-2024-table-wps.et", "guangxi-2024-table.xlsx")])
    func anOldFormatGivesWhatItsModernFormatGives(old: String, modern: String) throws {
        let converted = try #require(try Self.importer.importFile(atPath: Self.fixture(old)).first)
        let original = try #require(try Self.importer.importFile(atPath: Self.fixture(modern)).first)
        #expect(converted.rows.count == original.rows.count && !converted.rows.isEmpty, "\(old)")
        for (a, b) in zip(converted.rows, original.rows) {
            #expect(a.label == b.label && a.number == b.number, "\(old) row \(b.label)")
            #expect(a.leads == b.leads && a.supporters == b.supporters, "\(old) row \(b.label)")
            #expect(a.text == b.text && a.direction == b.direction && a.indicator == b.indicator, "\(old) row \(b.label)")
            #expect(a.deadline == b.deadline, "\(old) row \(b.label)")
        }
        // Named as the user's file, with the document id of its name, and a note of the conversion.
        #expect(converted.file == Self.fixture(old))
        // A title-less workbook is named after its file, as the original is after its own.
        let oldStem = String(old.split(separator: ".")[0]), modernStem = String(modern.split(separator: ".")[0])
        #expect(converted.document.id == oldStem)
        #expect(converted.document.title == (original.document.title == modernStem ? oldStem : original.document.title))
        let note = try #require(converted.diagnostics.first)
        #expect(note.code == .converted && note.severity == .note && note.file == Self.fixture(old))
        #expect(note.message.contains("LibreOffice"))
        #expect(converted.diagnostics.allSatisfy { $0.file == Self.fixture(old) })
        #expect(converted.diagnostics.dropFirst().map(\.code) == original.diagnostics.map(\.code))
    }

    @Test func theFormatIsToldByContentNotByName() throws {
        let doc = try Array(Data(contentsOf: URL(fileURLWithPath: Self.fixture("county-plan.doc"))))
        let xls = try Array(Data(contentsOf: URL(fileURLWithPath: Self.fixture("guangxi-2024-table.xls"))))
        // A Word file named .xls is still a document, and an Excel file named .wps a workbook.
        #expect(Importer.legacyFormatDescription(of: doc, path: "x.xls") == "a Word 97–2003 document (.doc)")
        #expect(Importer.legacyFormatDescription(of: xls, path: "x.wps") == "a WPS spreadsheet (.et)")
        #expect(Importer.legacyFormatDescription(of: Array("{\\rtf1\\ansi}".utf8), path: "x.doc") == "an RTF document")
        #expect(Importer.legacyFormatDescription(of: Array("<html></html>".utf8), path: "x.xls") == nil)
    }

    /// Many sites serve a web page under a .xls or .doc name: it is read as the web page it is.
    @Test func aWebPageNamedXLSIsReadAsAWebPage() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/任务清单.xls"
        #expect(FileManager.default.createFile(atPath: path, contents: try Data(contentsOf: URL(fileURLWithPath: Self.fixture("guangxi-2024-table.html")))))
        let d = try #require(try Self.importer.importFile(atPath: path).first)
        #expect(d.rows.count == 178)
        #expect(!d.diagnostics.contains { $0.code == .converted })
    }

    /// A damaged compound file is refused naming the file and LibreOffice's failure, never a hang.
    @Test(.needs(.libreOffice)) func aDamagedOldFileIsAClearError() throws {
        let folder = try TemporaryFolder()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture("county-plan.doc"))).prefix(1536))
        let path = folder.path + "/cut.doc"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        do {
            _ = try Self.importer.importFile(atPath: path)
            Issue.record("a cut-short .doc was read")
        } catch {
            #expect(error.file == path)
            #expect(error.message.contains("LibreOffice") || error.message.contains("no task"), "\(error.message)")
            #expect(!error.message.contains("/tmp/respgraph-"), "\(error.message)")
        }
    }

    /// LibreOffice runs under a time limit: a program past it is stopped and said to be.
    @Test func aProgramPastItsTimeLimitIsStopped() throws {
        let sleep = try #require(ExternalProgram.find("sleep"))
        let start = Date()
        let out = try ExternalProgram.run(sleep, ["30"], timeLimit: 1)
        #expect(out.timedOut && out.status != 0)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(try !ExternalProgram.run(sleep, ["0"], timeLimit: 10).timedOut)
    }

    /// Every corpus document saved as Word by LibreOffice (which keeps a text file's lines as manual
    /// line breaks inside paragraphs, as text pasted into Word often is) gives the tasks its original
    /// gives: a heading on a line of its own inside a paragraph still starts its item.
    @Test(.needs(.libreOffice)) func everyCorpusDocumentSavedAsWordGivesTheTasksOfTheOriginal() throws {
        let soffice = try #require(ExternalProgram.find("soffice"))
        let folder = try TemporaryFolder()
        let corpus = Repository.path("Tests/RespGraphImportTests/Fixtures/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
        #expect(names.count == 10)
        let out = try ExternalProgram.run(soffice, ["--headless", "--norestore", "-env:UserInstallation=file://\(folder.path)/profile",
                                                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.path] + names.map { "\(corpus)/\($0)" },
                                          timeLimit: 300)
        #expect(out.status == 0)
        func tasks(_ d: ImportedDocument) -> [[String]] {
            d.rows.map { [$0.label, $0.indicator, $0.direction, $0.text.filter { !$0.isWhitespace }, $0.deadline ?? ""] + $0.leads + ["|"] + $0.supporters }
        }
        for name in names {
            let stem = String(name.split(separator: ".")[0])
            let original = try #require(try Self.importer.importFile(atPath: "\(corpus)/\(name)").first)
            let word = try #require(try Self.importer.importFile(atPath: "\(folder.path)/\(stem).docx").first)
            #expect(tasks(word) == tasks(original), "\(name)")
            #expect(word.document.title == original.document.title, "\(name)")
        }
    }

    /// Every corpus document printed to PDF by LibreOffice gives the tasks of its original: running
    /// text is rebuilt into paragraphs from the word boxes (indents, short last lines, gaps), so a
    /// line wrapped right after a full stop, or after digits that take half the width, does not
    /// start an item of its own. LibreOffice leaves a comma, enumeration comma, colon or full stop
    /// that would hang at a line's end out of the national (gov-2018) pages' PDFs altogether, so
    /// there the texts are compared without punctuation and the agencies not at all (卫生健康委，人民银行
    /// prints as 卫生健康委人民银行).
    @Test(.needs(.libreOffice, .poppler)) func everyCorpusDocumentPrintedToPDFGivesTheTasksOfTheOriginal() throws {
        let soffice = try #require(ExternalProgram.find("soffice"))
        let folder = try TemporaryFolder()
        let corpus = Repository.path("Tests/RespGraphImportTests/Fixtures/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
        let out = try ExternalProgram.run(soffice, ["--headless", "--norestore", "-env:UserInstallation=file://\(folder.path)/profile",
                                                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", folder.path] + names.map { "\(corpus)/\($0)" },
                                          timeLimit: 300)
        #expect(out.status == 0)
        for name in names {
            let stem = String(name.split(separator: ".")[0])
            let original = try #require(try Self.importer.importFile(atPath: "\(corpus)/\(name)").first)
            let pdf = try #require(try Self.importer.importFile(atPath: "\(folder.path)/\(stem).pdf").first)
            let dropsPunctuation = name.hasPrefix("gov-2018")
            func tasks(_ d: ImportedDocument) -> [[String]] {
                d.rows.map { r in
                    let kept: (Character) -> Bool = { !$0.isWhitespace && !(dropsPunctuation && "，、：；。".contains($0)) }
                    return [r.label, r.indicator, r.direction, r.text.filter(kept), r.deadline ?? ""]
                        + (dropsPunctuation ? [] : r.leads + ["|"] + r.supporters)
                }
            }
            #expect(tasks(pdf) == tasks(original), "\(name)")
        }
    }
}

/// LibreOffice's profile lives in the temporary folder, whatever characters its path holds.
@Suite struct ConversionPathTests {
    @Test(.needs(.libreOffice)) func aTemporaryFolderWithSpaceHashAndPercentStillConverts() throws {
        let folder = try TemporaryFolder()
        let odd = folder.path + "/t m#p%x"
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: true)
        let doc = OfficeReaderTests.fixture("county-plan.doc")
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = odd
        let out = try RespgraphBinary.run(["import", doc], environment: environment)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("3 work points"))
    }
}
