import Foundation
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// A seeded mutation run: random edits of the real inputs must give rows or errors, never a trap.
@Suite struct MutationTests {

    static let pieces: [String] = ["\t", "\n", "、", "，", ",", "（", "）", "(", ")", "“", "”", "\"", "— 3 —", "序号", "牵头单位", "配合单位",
                                   "12", " ", "自治区", "各市、县", "（牵头单位：", "；配合单位：", "一、", "（一）", "等", "\r\n", "0",
                                   "<p>", "</td>", "<td rowspan=\"3\">", "&#x0;", "&", "<table>", "牵头", "配合", "负责", "列第一位者为牵头单位",
                                   "责任单位：", "完成时限：", "1.", "①", "第三条", "|", "【", "〔"]

    static func mutate(_ text: String, using rng: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        let edits = Int(rng.next() % 40) + 1
        for _ in 0..<edits where !scalars.isEmpty {
            let at = Int(rng.next() % UInt64(scalars.count))
            switch rng.next() % 4 {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars, at: at)
            case 2:
                let end = min(scalars.count, at + Int(rng.next() % 200))
                scalars.removeSubrange(at..<end)
            default:
                let end = min(scalars.count, at + Int(rng.next() % 80))
                scalars.insert(contentsOf: scalars[at..<end], at: Int(rng.next() % UInt64(scalars.count)))
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test func regressionInputsStillImport() throws {
        let folder = Repository.path("Tests/RespGraphImportTests/Fixtures/regressions")
        let importer = Importer(registry: try AgencyRegistry(csv: try Repository.text("Graphs/agencies.csv"), source: "agencies.csv"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".csv") }.sorted()
        for name in files {
            if let docs = try? importer.importFile(atPath: folder + "/" + name) {
                #expect(importer.graph(from: docs).invariantViolation() == nil, "\(name)")
            }
        }
    }

    /// A time-bounded run for CI: RESPGRAPH_FUZZ_SECONDS=N keeps mutating from seed 1000 on for N seconds.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RESPGRAPH_FUZZ_SECONDS"] != nil,
                   "a time-bounded run: RESPGRAPH_FUZZ_SECONDS=N swift test --filter timeBounded (.ci/run runs it)"))
    func timeBoundedMutationRun() throws {
        let seconds = try #require(Double(ProcessInfo.processInfo.environment["RESPGRAPH_FUZZ_SECONDS"] ?? ""), "RESPGRAPH_FUZZ_SECONDS is a number of seconds")
        let deadline = Date().addingTimeInterval(seconds)
        var seed = 1000
        while Date() < deadline {
            try mutatedInputsNeverTrap(seed: seed)
            seed += 1
        }
        print("mutation run: seeds 1000..<\(seed) without a trap")
    }

    @Test(arguments: 0..<4)
    func mutatedInputsNeverTrap(seed: Int) throws {
        let registry = try AgencyRegistry(csv: try Repository.text("Graphs/agencies.csv"), source: "agencies.csv")
        let corrections = try Corrections(csv: try Repository.text("Graphs/corrections.csv"), source: "corrections.csv")
        let importer = Importer(registry: registry, corrections: corrections)
        let inputs = [try Repository.text("Graphs/sources/guangxi-2024-work-points.txt"),
                      try Repository.text("Graphs/sources/guangxi-2022-action-plan.txt")]
        let table = try Repository.text("Graphs/guangxi-2024-tasks.csv")
        var rng = SplitMix64(seed: UInt64(seed))
        for round in 0..<25 {
            let text = Self.mutate(inputs[round % 2], using: &rng)
            if let d = try? importer.importDocumentText(text, file: "mutated.txt") {
                _ = importer.graph(from: [d]).invariantViolation()
            }
            let csv = Self.mutate(table, using: &rng)
            if let docs = try? importer.importTaskTable(csv: csv, file: "mutated.csv") {
                #expect(importer.graph(from: docs).invariantViolation() == nil, "seed \(seed) round \(round)")
            }
            _ = AgencyNameNormaliser(registry: registry).resolve(Self.mutate("自治区公安厅、民政厅，各市、县（市、区）人民政府，北海、钦州市人民政府", using: &rng))
            // Documents of other places, as text and as web pages, and single clauses.
            let corpus = Self.corpus[round % Self.corpus.count]
            let mutated = Self.mutate(corpus, using: &rng)
            if let d = try? importer.importDocumentText(mutated, file: "mutated.txt") {
                #expect(importer.graph(from: [d]).invariantViolation() == nil, "seed \(seed) round \(round)")
            }
            if let d = try? BlockDocumentParser().parse(HTMLReader.read(html: mutated, file: "mutated.html")) {
                _ = importer.graph(from: [d]).invariantViolation()
            }
            _ = AssignmentClauseParser.parse(Self.mutate("牵头单位：市发改委、财政局；配合单位：各县（市、区）人民政府；完成时限：2024年底", using: &rng))
            _ = AssignmentClauseParser.parse(Self.mutate("省大数据局、省政府办公厅牵头，各有关部门、各市政府配合，列第一位者为牵头单位", using: &rng))
            // Word and Excel files with bytes flipped, cut or repeated: an error or a document, never a trap.
            let office = Self.office[round % Self.office.count]
            var bytes = office.bytes
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 64)))
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 16)], at: at)
                }
                if bytes.isEmpty { bytes = [0x50] }
            }
            let path = try Self.folder.write("mutated-\(seed)-\(round).\(office.ext)", bytes: bytes)
            if let docs = try? importer.importFile(atPath: path) {
                #expect(importer.graph(from: docs).invariantViolation() == nil, "seed \(seed) round \(round) \(office.ext)")
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static let corpus: [String] = ["shandong-2019-szsd.txt", "baotou-2022-szzf.txt", "gov-2018-jiuye.html", "anhui-2021-gyhlw.txt"].map {
        (try? Repository.text("Tests/RespGraphImportTests/Fixtures/corpus/\($0)")) ?? ""
    }
    static let office: [(bytes: [UInt8], ext: String)] = ["county-plan.docx", "guangxi-2024-table.xlsx"].map {
        let data = FileManager.default.contents(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/office/\($0)")) ?? Data()
        return ([UInt8](data), String($0.split(separator: ".").last!))
    }
    static let folder = try! TemporaryFolder()
}
