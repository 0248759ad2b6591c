#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A map from names (agency names, document ids) to small integers, for the look-ups an import makes
/// once per name it reads.
///
/// Names are compared as exact UTF-8 byte sequences, as ``NameKey`` compares them. The keys' bytes
/// are copied into one contiguous arena and every slot keeps its key's hash, so a look-up hashes
/// the query once, rejects other keys by their stored hash and compares bytes only on a hash match,
/// without touching the keys' own string storage. This is what makes name look-ups of a national
/// corpus (1.6 million name occurrences at 1000×) cheap; `Dictionary<NameKey, _>` touches a key
/// string for every probe.
///
/// Open addressing with linear probing, capacity a power of two kept at most half full.
/// - Complexity: expected O(length of the name) per look-up or insertion; O(n) memory.
public struct NameIndex: Sendable {
    /// Per slot: the key's hash in the high 32 bits, its entry number + 1 in the low 32 (0 = empty).
    private var slots: [UInt64]
    /// Per entry: where its bytes start in ``bytes``; `count + 1` offsets.
    private var starts: [Int32] = [0]
    /// The keys' UTF-8 bytes, one after another.
    private var bytes: [UInt8] = []
    /// Per entry: its value.
    private var values: [Int32] = []

    /// An empty index with room for `capacity` names before it grows.
    public init(capacity: Int = 8) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// The number of names held.
    public var count: Int { values.count }

    /// The value of a name, or nil.
    public subscript(name: String) -> Int32? {
        var name = name
        return name.withUTF8 { key in
            let hash = Self.hash(key)
            let slot = find(key, hash: hash)
            let entry = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF)
            return entry == 0 ? nil : values[entry - 1]
        }
    }

    /// Adds a name with a value unless it is already held; returns the value it has now and whether
    /// it was added.
    @discardableResult
    public mutating func insert(_ name: String, value: Int32) -> (inserted: Bool, value: Int32) {
        var name = name
        return name.withUTF8 { key in
            let hash = Self.hash(key)
            let slot = find(key, hash: hash)
            let entry = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF)
            if entry != 0 { return (false, values[entry - 1]) }
            bytes.append(contentsOf: key)
            starts.append(Int32(truncatingIfNeeded: bytes.count))
            values.append(value)
            slots[slot] = UInt64(hash) << 32 | UInt64(values.count)
            if 2 * values.count > slots.count { grow() }
            return (true, value)
        }
    }

    /// Removes every name, keeping the storage for reuse.
    public mutating func removeAll() {
        for i in slots.indices { slots[i] = 0 }
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        bytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                while true {
                    let s = slots[slot]
                    if s == 0 { return slot }
                    if UInt32(truncatingIfNeeded: s >> 32) == hash {
                        let e = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                        let start = Int(starts[e]), end = Int(starts[e + 1])
                        if end - start == key.count
                            && (key.isEmpty || memcmp(bytes.baseAddress! + start, key.baseAddress!, key.count) == 0) {
                            return slot
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Doubles the slots and places every entry again by its stored hash.
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for s in slots where s != 0 {
            var slot = Int(s >> 32) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = s
        }
        slots = larger
    }

    /// A 32-bit hash of bytes: eight bytes at a time, each word mixed in by multiplication and
    /// rotation (as in FxHash), the tail and the length folded into a last word, then the 64-bit
    /// finaliser of MurmurHash3 so every input bit reaches the kept high bits.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = UInt64(key.count) &* k
        guard let base = key.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = ((h ^ word) &* k).rotated(by: 29)
            i += 8
        }
        if i < key.count {
            var word: UInt64 = 0
            for j in i..<key.count { word |= UInt64(base[j]) << (8 * UInt64(j - i)) }
            h = ((h ^ word) &* k).rotated(by: 29)
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }
}

extension UInt64 {
    /// The bits rotated left by `n`.
    fileprivate func rotated(by n: UInt64) -> UInt64 { self << n | self >> (64 - n) }
}
