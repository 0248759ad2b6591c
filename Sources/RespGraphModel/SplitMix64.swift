/// SplitMix64: a small, fast, seeded random number generator, the same on every machine, used by the
/// synthetic corpus, sampled betweenness and the seeded tests.
///
/// - Reference: G. L. Steele Jr., D. Lea, C. H. Flood, "Fast splittable pseudorandom number
///   generators", OOPSLA 2014.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The state; the seed to start from.
    public var state: UInt64

    /// A generator starting from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A uniform integer in 0..<n (n ≥ 1).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
