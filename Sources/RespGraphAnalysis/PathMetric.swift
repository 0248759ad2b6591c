/// How path-based measures read link weights.
///
/// Co-assignment weights are strengths (more shared tasks = closer), so by default a weighted path
/// measure takes the distance of a link as 1/w; `distance` takes w itself as the distance.
public enum PathMetric: String, Sendable, CaseIterable {
    /// Every link has length 1; weights are ignored.
    case unweighted
    /// Weights are strengths; a link's length is 1/w.
    case strength
    /// Weights are distances; a link's length is w.
    case distance

    /// What the metric means, for output.
    public var explanation: String {
        switch self {
        case .unweighted: "unweighted: every link has length 1"
        case .strength: "weights are strengths (shared tasks); a link's length is 1/w"
        case .distance: "weights are distances; a link's length is w"
        }
    }

    /// The link lengths of a network under this metric (nil when unweighted).
    func lengths(_ network: AgencyNetwork) -> (out: [Double], in: [Double])? {
        switch self {
        case .unweighted: nil
        case .strength: (network.weights.map { 1 / $0 }, network.inWeights.map { 1 / $0 })
        case .distance: (network.weights, network.inWeights)
        }
    }
}

/// The tie rule for weighted shortest paths.
///
/// Path lengths are sums of floating-point link lengths, so two paths equal in exact arithmetic can
/// differ in the last bits (1/3 + 1/3 + 1/3 against 1). respgraph treats two lengths as equal when
/// they differ by at most `relativeTolerance` times the larger one, and then counts both paths; a
/// length shorter by more than that replaces the other. (igraph also compares with a tolerance;
/// NetworkX compares exactly, so it can miss such a tie. Away from near-ties the two agree.)
public enum PathTieRule {
    /// The relative tolerance: 1e-10.
    public static let relativeTolerance = 1e-10

    /// Whether `a` is shorter than `b` by more than `tolerance` (relative).
    @inlinable static func isShorter(_ a: Double, than b: Double, tolerance: Double) -> Bool { a < b - tolerance * max(a, b) }
    /// Whether `a` and `b` are equal within `tolerance` (relative); 0 compares exactly.
    @inlinable static func isTie(_ a: Double, _ b: Double, tolerance: Double) -> Bool { abs(a - b) <= tolerance * max(a, b) }
}
