import Foundation
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// A seeded mutation run over the XML inside Word, Excel and OFD packages (and over PDF bytes): the parts are read out,
/// their text mutated (tags cut, repeated and nested, attributes and entities inserted, spans and
/// references changed), and written back as a valid ZIP with correct checksums, so the mutations
/// reach the XML readers rather than stopping at a checksum. Every package must give rows or an
/// error, never a trap.
@Suite struct PackageMutationTests {
    static let pieces: [String] = ["<w:tbl>", "</w:tbl>", "<w:tc>", "</w:tc>", "<w:tr>", "<w:gridSpan w:val=\"99999\"/>", "<w:vMerge/>",
                                   "<w:vMerge w:val=\"restart\"/>", "<c r=\"XFD1048576\" t=\"s\"><v>99999999</v></c>", "<mergeCell ref=\"A1:Z99999\"/>",
                                   "<v>-1</v>", "&#0;", "&amp;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->", "<?pi x?>", "\u{FFFD}", "牵头单位",
                                   "<ofd:TextCode X=\"1e308\" Y=\"nan\">字</ofd:TextCode>", "Boundary=\"0 0 -1 1e400\"", "<", ">", "\"", "="]

    /// A ZIP with every part stored (no compression), CRC-32 from the model.
    static func storedZip(_ parts: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { [0, 8, 16, 24].map { UInt8((v >> UInt32($0)) & 0xFF) } }
        for (name, bytes) in parts {
            let n = Array(name.utf8), crc = CRC32.checksum(bytes), offset = UInt32(out.count), size = le32(UInt32(bytes.count))
            out += [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + size + size + le16(n.count) + le16(0) + n + bytes
            central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + size + size
                + le16(n.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + n
        }
        let start = UInt32(out.count)
        return out + central + [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(parts.count) + le16(parts.count) + le32(UInt32(central.count)) + le32(start) + le16(0)
    }

    static func mutateXML(_ text: String, using rng: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + Int(rng.next() % 24)) where !scalars.isEmpty {
            let at = Int(rng.next() % UInt64(scalars.count))
            switch rng.next() % 4 {
            case 0: scalars.removeSubrange(at..<min(scalars.count, at + Int(rng.next() % 120)))
            case 1: scalars.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars, at: at)
            case 2:
                let end = min(scalars.count, at + Int(rng.next() % 400))
                let copy = Array(scalars[at..<end])
                for _ in 0..<(1 + Int(rng.next() % 4)) { scalars.insert(contentsOf: copy, at: at) }
            default:
                if scalars[at].properties.numericType != nil { scalars.insert(contentsOf: "999999".unicodeScalars, at: at) }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static let packages = ["county-plan.docx", "guangxi-2024-table.docx", "multi-paragraph-cells.docx", "guangxi-2024-table.xlsx",
                           "several-sheets.xlsx", "hostile-merges.xlsx", "county-plan.ofd", "guangxi-2024-table.ofd", "per-character.ofd"]

    @Test(arguments: 0..<3)
    func mutatedPackagesNeverTrap(seed: Int) throws {
        let imported = try Self.run(seed: seed)
        // Mutations reach the readers: some packages still give rows, so the run tests more than refusals.
        #expect(imported > 0, "seed \(seed): no mutated package imported")
    }

    /// A time-bounded run for CI: RESPGRAPH_FUZZ_SECONDS=N keeps mutating packages from seed 100 on for N seconds.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RESPGRAPH_FUZZ_SECONDS"] != nil,
                   "a time-bounded run: RESPGRAPH_FUZZ_SECONDS=N swift test --filter timeBounded (.ci/run runs it)"))
    func timeBoundedPackageMutationRun() throws {
        let seconds = try #require(Double(ProcessInfo.processInfo.environment["RESPGRAPH_FUZZ_SECONDS"] ?? ""))
        let deadline = Date().addingTimeInterval(seconds)
        var seed = 100
        while Date() < deadline {
            _ = try Self.run(seed: seed)
            seed += 1
        }
        print("package mutation run: seeds 100..<\(seed) without a trap")
    }

    /// One seed's round over every package twice; how many mutated packages imported.
    static func run(seed: Int) throws -> Int {
        var imported = 0
        let importer = Importer(registry: try AgencyRegistry(csv: try Repository.text("Graphs/agencies.csv"), source: "agencies.csv"))
        let folder = try TemporaryFolder()
        var rng = SplitMix64(seed: UInt64(7000 + seed))
        for (round, name) in (Self.packages + Self.packages).enumerated() {
            let data = try #require(FileManager.default.contents(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/office/\(name)")))
            var archive = try ZipArchive([UInt8](data))
            var parts: [(name: String, bytes: [UInt8])] = []
            for entry in archive.entries where !entry.name.hasSuffix("/") {
                var bytes = try archive.read(entry)
                if entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels"), rng.next() % 3 != 0 {
                    bytes = Array(Self.mutateXML(String(decoding: bytes, as: UTF8.self), using: &rng).utf8)
                }
                parts.append((entry.name, bytes))
            }
            let path = try folder.write("mutated-\(seed)-\(round)-\(name)", bytes: Self.storedZip(parts))
            if let docs = try? importer.importFile(atPath: path) {
                imported += 1
                #expect(importer.graph(from: docs).invariantViolation() == nil, "seed \(seed) round \(round) \(name)")
            }
        }
        return imported
    }

    /// PDFs with bytes flipped, cut, repeated and their cross-reference offsets disturbed, read through
    /// pdftotext and pdftocairo: rows or an error, never a trap or a hang.
    @Test(.needs(.poppler), arguments: 0..<2)
    func mutatedPDFsNeverTrap(seed: Int) throws {
        let importer = Importer(registry: try AgencyRegistry(csv: try Repository.text("Graphs/agencies.csv"), source: "agencies.csv"))
        let folder = try TemporaryFolder()
        var rng = SplitMix64(seed: UInt64(9000 + seed))
        for (round, name) in ["county-plan.pdf", "guangxi-2024-table.pdf", "running-heads.pdf"].enumerated() {
            var bytes = [UInt8](try #require(FileManager.default.contents(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/office/\(name)"))))
            for _ in 0..<(1 + Int(rng.next() % 12)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 512)))
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 256)], at: at)
                default: bytes.insert(contentsOf: Array("0000000000 65535 f \n".utf8), at: at)
                }
                if bytes.isEmpty { bytes = Array("%PDF-1.4".utf8) }
            }
            let path = try folder.write("mutated-\(seed)-\(round).pdf", bytes: bytes)
            if let docs = try? importer.importFile(atPath: path) {
                #expect(importer.graph(from: docs).invariantViolation() == nil, "seed \(seed) \(name)")
            }
        }
    }

    /// The writer above makes archives the reader takes back unchanged.
    @Test func theStoredZipRoundTrips() throws {
        var archive = try ZipArchive(Self.storedZip([("a.xml", Array("<a>甲</a>".utf8)), ("b/c.xml", [1, 2, 3])]))
        #expect(archive.entries.map(\.name) == ["a.xml", "b/c.xml"])
        #expect(try archive.read("a.xml") == Array("<a>甲</a>".utf8))
    }
}
