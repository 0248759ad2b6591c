import RespGraphModel
import Testing

/// The byte-keyed name index against Swift's Dictionary as the reference.
@Suite struct NameIndexTests {
    /// Names sharing long prefixes and suffixes, of every length around the 8-byte words hashed at once.
    static func names(_ count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let parts = ["自治区", "省", "市", "县", "发展改革委", "财政厅", "部门", "局", "A", "b", "12", "·", "（", "）", ""]
        return (0..<count).map { _ in
            (0..<Int(rng.next() % 6)).map { _ in parts[Int(rng.next() % UInt64(parts.count))] }.joined() + String(rng.next() % 50)
        }
    }

    @Test func agreesWithADictionaryAcrossGrowth() {
        for seed in UInt64(1)...4 {
            var index = NameIndex()
            var reference: [String: Int32] = [:]
            for (i, name) in Self.names(5000, seed: seed).enumerated() {
                let added = index.insert(name, value: Int32(i))
                let expected = reference[name]
                #expect(added.inserted == (expected == nil))
                #expect(added.value == (expected ?? Int32(i)))
                if expected == nil { reference[name] = Int32(i) }
            }
            #expect(index.count == reference.count)
            for (name, value) in reference { #expect(index[name] == value) }
            for name in Self.names(2000, seed: seed + 100) { #expect(index[name] == reference[name]) }
        }
    }

    @Test func emptyNameAndBytePrefixesAreDistinct() {
        var index = NameIndex()
        index.insert("", value: 0)
        index.insert("自治区财政厅", value: 1)
        index.insert("自治区财政厅 ", value: 2)
        index.insert("12345678", value: 3)
        index.insert("123456789", value: 4)
        #expect(index[""] == 0 && index["自治区财政厅"] == 1 && index["自治区财政厅 "] == 2)
        #expect(index["12345678"] == 3 && index["123456789"] == 4 && index["1234567"] == nil)
        // Canonically equivalent but differently encoded names are different names (bytes compared).
        #expect(index.insert("e\u{301}", value: 5).inserted)
        #expect(index.insert("\u{E9}", value: 6).inserted)
        #expect(index["e\u{301}"] == 5 && index["\u{E9}"] == 6)
    }

    @Test func removeAllEmptiesForReuse() {
        var index = NameIndex()
        for (i, name) in Self.names(300, seed: 9).enumerated() { index.insert(name, value: Int32(i)) }
        index.removeAll()
        #expect(index.count == 0)
        #expect(Self.names(300, seed: 9).allSatisfy { index[$0] == nil })
        #expect(index.insert("省财政厅", value: 7) == (true, 7))
        #expect(index["省财政厅"] == 7)
    }
}
