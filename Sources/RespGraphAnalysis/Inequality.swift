/// How unevenly load is spread over agencies.
public struct Inequality: Sendable, Equatable {
    /// Gini coefficient: 0 when every agency carries the same load, approaching 1 when one carries all.
    public var gini: Double
    /// The share of the total load held by the heaviest 10% of agencies (at least one agency).
    public var topDecileShare: Double
    /// How many agencies make up the top 10%.
    public var topDecileCount: Int

    /// Gini and top-decile share of a list of non-negative loads.
    ///
    /// - Definition: G = Σ_i (2i − n − 1) x_(i) / (n Σ x), x sorted ascending, i = 1…n (equivalent to
    ///   the mean absolute difference over twice the mean). 0 for an empty or all-zero list.
    /// - Complexity: O(n log n).
    /// - Reference: C. Gini, 1912; the sorted form as in P. J. Lambert, The Distribution and
    ///   Redistribution of Income, 3rd ed., 2001, ch. 2.
    public init(loads: [Double]) {
        let x = loads.sorted()
        let n = x.count
        let total = x.reduce(0, +)
        guard n > 0, total > 0 else {
            self.init(gini: 0, topDecileShare: 0, topDecileCount: 0)
            return
        }
        var weighted = 0.0
        for (i, v) in x.enumerated() { weighted += Double(2 * (i + 1) - n - 1) * v }
        let k = max(1, Int((Double(n) * 0.1).rounded(.up)))
        let top = x.suffix(k).reduce(0, +)
        self.init(gini: weighted / (Double(n) * total), topDecileShare: top / total, topDecileCount: k)
    }

    /// Creates a value.
    public init(gini: Double, topDecileShare: Double, topDecileCount: Int) {
        self.gini = gini
        self.topDecileShare = topDecileShare
        self.topDecileCount = topDecileCount
    }
}

/// Agencies whose load is far above the typical one.
public enum Outliers {
    /// The median of a list (the mean of the two middle values for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        let x = values.sorted()
        guard !x.isEmpty else { return 0 }
        return x.count % 2 == 1 ? x[x.count / 2] : (x[x.count / 2 - 1] + x[x.count / 2]) / 2
    }

    /// Indices of values above median + k · MAD, with MAD the median absolute deviation (unscaled).
    ///
    /// - Definition: outlier when x > m + k · median(|x_i − m|). With MAD = 0 (over half the agencies
    ///   carry exactly the median load) every value above the median is an outlier.
    /// - Reference: F. R. Hampel, "The influence curve and its role in robust estimation", JASA 69:383–393, 1974.
    public static func above(_ values: [Double], k: Double) -> (indices: [Int], median: Double, mad: Double, threshold: Double) {
        let m = median(values)
        let mad = median(values.map { abs($0 - m) })
        let threshold = m + k * mad
        return (values.indices.filter { values[$0] > threshold }, m, mad, threshold)
    }
}
