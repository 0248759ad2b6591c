import Foundation

/// How respgraph shows a number to a reader, in tables, reports and diagrams alike: a whole number
/// without a fraction (36, not 36.0), else rounded to `digits` decimals with trailing zeros dropped
/// (2.999 → 3, 0.125 → 0.13, 36.5 → 36.5); ∞ and – for infinities and NaN. Machine formats (JSON,
/// GraphML, CSV values meant for other programs) keep full precision and do not use it.
public enum NumberStyle {
    /// The number as a reader sees it.
    public static func plain(_ x: Double, digits: Int = 2) -> String {
        if !x.isFinite { return x.isNaN ? "–" : (x > 0 ? "∞" : "-∞") }
        let scale = pow(10, Double(max(0, min(digits, 12))))
        let rounded = (x * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var s = String(format: "%.\(digits)f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A number in a column of measures: a whole number without a fraction, else exactly `digits`
    /// decimals (0.1250), so a column's decimals line up; ∞ and – as ``plain(_:digits:)``.
    public static func fixed(_ x: Double, digits: Int) -> String {
        if !x.isFinite { return plain(x) }
        return x == x.rounded() && abs(x) < 1e12 ? String(Int64(x)) : String(format: "%.\(max(0, min(digits, 12)))f", x)
    }

    /// A number with exactly `digits` decimals, whole numbers too (a Gini of 0.000, a share of 45%):
    /// for prose, where a figure's precision is part of what it says.
    public static func decimals(_ x: Double, _ digits: Int) -> String {
        if !x.isFinite { return plain(x) }
        return String(format: "%.\(max(0, min(digits, 12)))f", x)
    }

    /// A change with its sign, as ``fixed(_:digits:)`` shows the size: +0.0696, −2 (a true minus), 0.
    public static func change(_ x: Double, digits: Int) -> String {
        if x.isNaN { return "–" }
        if x == 0 { return "0" }
        return (x > 0 ? "+" : "−") + fixed(abs(x), digits: digits)
    }

    /// A number as given, without rounding (a parameter a user typed, a tolerance): a whole number
    /// without a fraction (1000000000, not 1e+09), else its shortest exact spelling (0.0001).
    public static func exact(_ x: Double) -> String {
        if !x.isFinite { return plain(x) }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
