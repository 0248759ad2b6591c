import Foundation

/// A straight horizontal or vertical line a page draws (a table's rule), in points from the top
/// left of its page, as ``PDFReader`` words are.
struct Ruling: Equatable {
    /// Whether the line runs left to right.
    var isHorizontal: Bool
    /// Its y (horizontal) or x (vertical).
    var position: Double
    /// Where it starts and ends along its direction (`from < to`).
    var from: Double, to: Double
}

/// The rules of each page of a PDF, read from the vector drawing Poppler's `pdftocairo -svg` writes
/// of it: every stroked straight segment that runs horizontally or vertically, and every filled thin
/// rectangle (browsers draw cell borders so), outside the glyph definitions. A filled wide
/// rectangle (a shaded cell) gives its four edges, unless it is drawn under a clip (WeasyPrint fills
/// a shaded cell over the whole page and clips it to the cell). White lines and fills are left out.
///
/// Only what pdftocairo writes is read: `<pageSet>`/`<page>`, `<g>` groups, `<path d>` with
/// `M L H V C Z` (curves give no rules) and `<rect>`, with `matrix()` or `translate()` transforms.
///
/// - Complexity: O(n) in the bytes of the drawing.
enum PageRulings {
    /// At most this many rules are read from one page; a page drawing more (a chart, a map) has
    /// no rules read and its table, if any, is read from word positions.
    static let maximumPerPage = 5_000
    /// The longest pdftocairo may run before the drawing is given up (the table is then read from
    /// word positions).
    static let timeLimit = 60.0

    /// The rules of each page (index 0 for page 1), or nil when pdftocairo is missing or fails:
    /// the table reader then keeps to word positions.
    static func ofPDF(at path: String) -> [[Ruling]]? {
        guard let tool = ExternalProgram.find("pdftocairo") else { return nil }
        guard let result = try? ExternalProgram.run(tool, ["-svg", path, "-"], timeLimit: timeLimit),
              result.status == 0, !result.timedOut else { return nil }
        return fromCairoSVG([UInt8](result.stdout))
    }

    /// An affine map `x' = a x + c y + e`, `y' = b x + d y + f`.
    struct Transform {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
        func apply(_ p: (Double, Double)) -> (Double, Double) { (a * p.0 + c * p.1 + e, b * p.0 + d * p.1 + f) }
        /// `self` after `inner`: the map of an element inside a group.
        func then(_ inner: Transform) -> Transform {
            Transform(a: a * inner.a + c * inner.b, b: b * inner.a + d * inner.b,
                      c: a * inner.c + c * inner.d, d: b * inner.c + d * inner.d,
                      e: a * inner.e + c * inner.f + e, f: b * inner.e + d * inner.f + f)
        }
        /// `matrix(a,b,c,d,e,f)` or `translate(x[,y])`; nil for anything else (a rotation is no table).
        init?(svg: String) {
            let numbers = Self.numbers(svg)
            if svg.hasPrefix("matrix("), numbers.count == 6 {
                (a, b, c, d, e, f) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
            } else if svg.hasPrefix("translate("), (1...2).contains(numbers.count) {
                e = numbers[0]
                f = numbers.count == 2 ? numbers[1] : 0
            } else {
                return nil
            }
        }
        init(a: Double = 1, b: Double = 0, c: Double = 0, d: Double = 1, e: Double = 0, f: Double = 0) {
            (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
        }
        static func numbers(_ s: String) -> [Double] {
            s.split(whereSeparator: { !"0123456789.-+eE".contains($0) }).compactMap { Double($0) }
        }
    }

    /// The rules of a cairo SVG drawing, page by page.
    static func fromCairoSVG(_ bytes: [UInt8]) -> [[Ruling]] {
        var pages: [[Ruling]] = []
        var current: [Ruling] = []
        var sawPage = false
        var groups: [Transform?] = []
        var clippedGroups: [Bool] = []  // whether each open group, or one around it, is clipped
        var i = 0
        let n = bytes.count
        func flushPage() {
            pages.append(current.count > maximumPerPage ? [] : current)
            current = []
        }
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = bytes[(i + 1)..<close]
            let name = tag.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "\n") }
            let selfClosing = tag.last == UInt8(ascii: "/")
            switch String(decoding: name, as: UTF8.self) {
            case "defs":
                // Glyph outlines and clip paths: not rules.
                guard !selfClosing, let end = find(Array("</defs>".utf8), in: bytes, from: close) else { i = close + 1; continue }
                i = end
                continue
            case "page":
                if sawPage { flushPage() }
                sawPage = true
                groups = []
                clippedGroups = []
            case "g" where !selfClosing:
                let outer = groups.last ?? Transform()
                let own = attribute("transform", in: tag).map { Transform(svg: $0) }
                groups.append(own.map { $0.flatMap { outer?.then($0) } } ?? outer)
                clippedGroups.append((clippedGroups.last ?? false) || attribute("clip-path", in: tag) != nil)
            case "/g":
                if !groups.isEmpty { groups.removeLast() }
                if !clippedGroups.isEmpty { clippedGroups.removeLast() }
            case "path", "rect":
                let outer = groups.last ?? Transform()
                let own = attribute("transform", in: tag).map { Transform(svg: $0) }
                guard let base = outer, let map = own.map({ $0.map { base.then($0) } }) ?? base else { break }
                let clipped = (clippedGroups.last ?? false) || attribute("clip-path", in: tag) != nil
                if current.count <= maximumPerPage { current += rulings(of: tag, isRect: name.elementsEqual("rect".utf8),
                                                                        clipped: clipped, map) }
            default:
                break
            }
            i = close + 1
        }
        flushPage()
        return pages
    }

    /// The rules one `<path>` or `<rect>` draws. A filled area drawn under a clip (a cell's shading
    /// that a writer fills over the whole page and clips to the cell) shows only inside the clip, so
    /// only its thin bars are read, not its edges.
    static func rulings(of tag: ArraySlice<UInt8>, isRect: Bool, clipped: Bool = false, _ map: Transform) -> [Ruling] {
        let style = attribute("style", in: tag) ?? ""
        let properties = Dictionary(style.split(separator: ";").compactMap { part -> (String, String)? in
            let kv = part.split(separator: ":", maxSplits: 1)
            return kv.count == 2 ? (kv[0].trimmingCharacters(in: .whitespaces), kv[1].trimmingCharacters(in: .whitespaces)) : nil
        }, uniquingKeysWith: { $1 })
        let white = "rgb(100%,100%,100%)"
        let stroke = properties["stroke"] ?? attribute("stroke", in: tag) ?? "none"
        let fill = properties["fill"] ?? attribute("fill", in: tag) ?? "rgb(0%,0%,0%)"
        let stroked = stroke != "none" && stroke != white
        let filled = fill != "none" && fill != white
        guard stroked || filled else { return [] }
        var subpaths: [[(Double, Double)]] = []
        if isRect {
            let v = ["x", "y", "width", "height"].map { attribute($0, in: tag).flatMap { Double($0) } ?? 0 }
            subpaths = [[(v[0], v[1]), (v[0] + v[2], v[1]), (v[0] + v[2], v[1] + v[3]), (v[0], v[1] + v[3]), (v[0], v[1])]]
        } else {
            subpaths = straightSubpaths(attribute("d", in: tag) ?? "")
        }
        var out: [Ruling] = []
        for path in subpaths {
            let points = path.map(map.apply)
            guard points.count >= 2 else { continue }
            if filled {
                let rules = filledRulings(points)
                // A shaded rectangle under a clip shows only inside the clip: its edges are not drawn.
                if !(clipped && rules.count == 4) { out += rules }
            } else {
                for (p, q) in zip(points, points.dropFirst()) { if let r = segment(p, q) { out.append(r) } }
            }
        }
        return out
    }

    /// A filled shape's rules: a thin bar (under 3 points across) is one rule along its middle; an
    /// axis-aligned rectangle gives its four edges; any other shape none.
    static func filledRulings(_ points: [(Double, Double)]) -> [Ruling] {
        let xs = points.map(\.0), ys = points.map(\.1)
        let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        let thin = 3.0
        if y1 - y0 < thin, x1 - x0 >= thin { return [Ruling(isHorizontal: true, position: (y0 + y1) / 2, from: x0, to: x1)] }
        if x1 - x0 < thin, y1 - y0 >= thin { return [Ruling(isHorizontal: false, position: (x0 + x1) / 2, from: y0, to: y1)] }
        let onEdges = points.allSatisfy { p in
            (abs(p.0 - x0) < 0.5 || abs(p.0 - x1) < 0.5) && (abs(p.1 - y0) < 0.5 || abs(p.1 - y1) < 0.5)
        }
        guard onEdges, x1 - x0 >= thin, y1 - y0 >= thin else { return [] }
        return [Ruling(isHorizontal: true, position: y0, from: x0, to: x1), Ruling(isHorizontal: true, position: y1, from: x0, to: x1),
                Ruling(isHorizontal: false, position: x0, from: y0, to: y1), Ruling(isHorizontal: false, position: x1, from: y0, to: y1)]
    }

    /// A straight stroke as a rule when it runs horizontally or vertically (within a tenth of a point
    /// per ten) and is at least a point long.
    static func segment(_ p: (Double, Double), _ q: (Double, Double)) -> Ruling? {
        let dx = abs(q.0 - p.0), dy = abs(q.1 - p.1)
        if dy <= 0.01 * dx + 0.1,
        dx >= 1 { return Ruling(isHorizontal: true, position: (p.1 + q.1) / 2, from: min(p.0, q.0), to: max(p.0, q.0)) }
        if dx <= 0.01 * dy + 0.1,
        dy >= 1 { return Ruling(isHorizontal: false, position: (p.0 + q.0) / 2, from: min(p.1, q.1), to: max(p.1, q.1)) }
        return nil
    }

    /// The subpaths of SVG path data as point lists; a curve ends its straight run (its end point
    /// starts the next), so only straight pieces become rules.
    static func straightSubpaths(_ d: String) -> [[(Double, Double)]] {
        var out: [[(Double, Double)]] = []
        var path: [(Double, Double)] = []
        var start = (0.0, 0.0), point = (0.0, 0.0)
        func finish() {
            if path.count >= 2 { out.append(path) }
            path = []
        }
        for (command, numbers) in pathCommands(d) {
            switch command {
            case "M":
                var k = 0
                while k + 1 < numbers.count {
                    point = (numbers[k], numbers[k + 1])
                    if k == 0 { finish(); start = point }
                    path.append(point)
                    k += 2
                }
            case "L":
                var k = 0
                while k + 1 < numbers.count { point = (numbers[k], numbers[k + 1]); path.append(point); k += 2 }
            case "H":
                for x in numbers { point = (x, point.1); path.append(point) }
            case "V":
                for y in numbers { point = (point.0, y); path.append(point) }
            case "C":
                if numbers.count >= 6 {
                    point = (numbers[numbers.count - 2], numbers[numbers.count - 1])
                    finish()
                    path = [point]
                }
            case "Z", "z":
                path.append(start)
                finish()
                point = start
                path = [point]
            default:
                break
            }
        }
        finish()
        return out
    }

    /// SVG path data as its commands, each with its numbers (a blank command for numbers before any).
    static func pathCommands(_ d: String) -> [(command: Character, numbers: [Double])] {
        var out: [(command: Character, numbers: [Double])] = []
        var command: Character = " "
        var numbers: [Double] = []
        var token = ""
        for ch in d + " " {
            if ch.isLetter && ch != "e" && ch != "E" {
                if !token.isEmpty, let v = Double(token) { numbers.append(v) }
                token = ""
                out.append((command, numbers))
                numbers = []
                command = ch
            } else if ch == " " || ch == "," || ch == "\n" {
                if !token.isEmpty, let v = Double(token) { numbers.append(v) }
                token = ""
            } else {
                token.append(ch)
            }
        }
        out.append((command, numbers))
        return out
    }

    /// The value of `name="…"` in a tag's bytes.
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let key = Array((" " + name + "=\"").utf8)
        guard let at = find(key, in: tag, from: tag.startIndex) else { return nil }
        guard let end = tag[at...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: tag[at..<end], as: UTF8.self)
    }

    /// The index just past the first `needle` in `bytes` at or after `from`.
    static func find<C: RandomAccessCollection>(_ needle: [UInt8], in bytes: C,
                                                from: C.Index) -> C.Index? where C.Element == UInt8, C.Index == Int {
        var j = from
        while j + needle.count <= bytes.endIndex {
            if bytes[j] == needle[0] {
                var k = 1
                while k < needle.count && bytes[j + k] == needle[k] { k += 1 }
                if k == needle.count { return j + needle.count }
            }
            j += 1
        }
        return nil
    }
}
