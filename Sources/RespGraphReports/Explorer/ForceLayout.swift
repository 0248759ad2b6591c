import Foundation

/// A small deterministic force-directed layout, for when Graphviz is not installed.
///
/// - Definition: Fruchterman–Reingold: every pair repels with force k²/d, every link attracts with
///   d²/k · (1 + log w) for weight w, on a unit square with k = √(1/n); each step moves a node by at
///   most the current temperature, which cools linearly over the iterations. Nodes start on a circle
///   in index order, so the same input always gives the same picture.
/// - Complexity: O(iterations · (n² + m)); n is at most ``ExplorerData/networkLimit``.
/// - Reference: T. M. J. Fruchterman, E. M. Reingold, "Graph drawing by force-directed placement",
///   Software: Practice and Experience 21(11):1129–1164, 1991.
public enum ForceLayout {
    /// Positions of `count` nodes joined by `links` (i, j, weight).
    public static func positions(count n: Int, links: [(Int, Int, Double)], iterations: Int = 300) -> [(Double, Double)] {
        guard n > 0 else { return [] }
        var x = (0..<n).map { 0.5 + 0.45 * cos(2 * Double.pi * Double($0) / Double(n)) }
        var y = (0..<n).map { 0.5 + 0.45 * sin(2 * Double.pi * Double($0) / Double(n)) }
        let k = (1 / Double(n)).squareRoot()
        var dx = [Double](repeating: 0, count: n), dy = dx
        for step in 0..<iterations {
            let temperature = 0.1 * (1 - Double(step) / Double(iterations)) + 0.001
            for i in 0..<n { dx[i] = 0; dy[i] = 0 }
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var ddx = x[i] - x[j], ddy = y[i] - y[j]
                    var d = (ddx * ddx + ddy * ddy).squareRoot()
                    if d < 1e-6 { ddx = 1e-3 * Double(i - j); ddy = 1e-3; d = 1e-3 }
                    let f = k * k / d
                    dx[i] += ddx / d * f; dy[i] += ddy / d * f
                    dx[j] -= ddx / d * f; dy[j] -= ddy / d * f
                }
            }
            for (i, j, w) in links where i != j {
                let ddx = x[i] - x[j], ddy = y[i] - y[j]
                let d = max((ddx * ddx + ddy * ddy).squareRoot(), 1e-6)
                let f = d * d / k * (1 + log(max(w, 1)))
                dx[i] -= ddx / d * f; dy[i] -= ddy / d * f
                dx[j] += ddx / d * f; dy[j] += ddy / d * f
            }
            for i in 0..<n {
                let d = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 1e-12)
                let move = min(d, temperature)
                x[i] = min(1, max(0, x[i] + dx[i] / d * move))
                y[i] = min(1, max(0, y[i] + dy[i] / d * move))
            }
        }
        return zip(x, y).map { ($0, $1) }
    }
}
