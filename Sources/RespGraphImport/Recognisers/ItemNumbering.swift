/// The numbering at the start of an item, as Chinese documents write it.
///
/// Styles: `一、` `（一）` `(一)` `1.` `1、` `1．` `1﹒` `（1）` `(1)` `①` `第一条` (and 第…章/节/部分).
/// The level of a style is not fixed: it is decided by the order in which styles appear in a
/// document (see ``ItemRecogniser``).
public struct ItemNumbering: Sendable, Equatable {
    /// A numbering style; two items of the same style are siblings.
    public enum Style: String, Sendable, Equatable {
        /// 一、
        case chineseComma
        /// （一） or (一)
        case chineseParenthesised
        /// 1. 1、 1． 1﹒
        case arabicDot
        /// （1） or (1)
        case arabicParenthesised
        /// ① … ⑳
        case circled
        /// 第一条
        case article
        /// 第一章, 第一节, 第一部分
        case chapter
    }

    /// The style.
    public var style: Style
    /// The number as printed, without its punctuation ("一", "3", "①").
    public var numeral: String
    /// The numbering as printed ("（一）", "3.").
    public var printed: String
    /// The text after the numbering.
    public var rest: Substring

    static let chineseDigits = Lexicon.chineseNumerals

    /// The numbering a paragraph starts with, if any.
    public static func parse(_ text: String) -> ItemNumbering? {
        let t = text.drop { $0.isWhitespace }
        guard let first = t.first else { return nil }
        // 第一条 / 第一章
        if first == "第" { return article(t) }
        // ①
        if let s = first.unicodeScalars.first, (0x2460...0x2473).contains(s.value) || (0x2776...0x277F).contains(s.value) {
            return ItemNumbering(style: .circled, numeral: String(first), printed: String(first),
                                 rest: t.dropFirst().drop { $0.isWhitespace })
        }
        // （一） (一) （1） (1)
        if first == "（" || first == "(" { return parenthesised(t) }
        // 一、
        if chineseDigits.contains(first) {
            let digits = t.prefix { chineseDigits.contains($0) }
            guard digits.count <= 3 else { return nil }
            let after = t.dropFirst(digits.count)
            guard after.first == "、" else { return nil }
            return ItemNumbering(style: .chineseComma, numeral: String(digits), printed: "\(digits)、",
                                 rest: after.dropFirst().drop { $0.isWhitespace })
        }
        // 1. 1、 1． 1﹒ (but not 1.5万, 2024年, 10.1)
        if first.isASCII && first.isNumber || ("０"..."９").contains(first) {
            let digits = t.prefix { $0.isASCII && $0.isNumber || ("０"..."９").contains($0) }
            guard digits.count <= 3 else { return nil }
            let after = t.dropFirst(digits.count)
            guard let p = after.first, ".、．﹒。".contains(p) else { return nil }
            let next = after.dropFirst().first
            if let n = next, n.isNumber { return nil }
            if p == "." || p == "．", next == nil { return nil }
            let numeral = String(digits.map { c -> Character in
                if let v = c.unicodeScalars.first?.value, v >= 0xFF10 { return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!) }
                return c
            })
            return ItemNumbering(style: .arabicDot, numeral: numeral, printed: "\(digits)\(p)",
                                 rest: after.dropFirst().drop { $0.isWhitespace })
        }
        return nil
    }

    /// 第一条, 第二章: an article or chapter number.
    static func article(_ t: Substring) -> ItemNumbering? {
        let digits = t.dropFirst().prefix { chineseDigits.contains($0) || $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let after = t.dropFirst(1 + digits.count)
        let words = Lexicon.articleWords.map { ($0, Style.article) } + Lexicon.chapterWords.map { ($0, Style.chapter) }
        for (word, style) in words where after.hasPrefix(word) {
            let rest = after.dropFirst(word.count)
            return ItemNumbering(style: style, numeral: String(digits), printed: "第\(digits)\(word)",
                                 rest: rest.drop { $0.isWhitespace || $0 == "　" })
        }
        return nil
    }

    /// （一） (一) （1） (1): a number in brackets, Chinese or Arabic but not mixed, up to three digits.
    static func parenthesised(_ t: Substring) -> ItemNumbering? {
        let first = t.first!
        let inner = t.dropFirst().drop { $0 == " " }
        let digits = inner.prefix { chineseDigits.contains($0) || ($0.isASCII && $0.isNumber) }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let afterDigits = inner.dropFirst(digits.count).drop { $0 == " " }
        guard let close = afterDigits.first, close == "）" || close == ")" else { return nil }
        let arabic = digits.allSatisfy { $0.isASCII }
        let mixed = !arabic && digits.contains { $0.isASCII }
        guard !mixed else { return nil }
        let open = first == "(" ? "(" : "（", shut = close == ")" ? ")" : "）"
        return ItemNumbering(style: arabic ? .arabicParenthesised : .chineseParenthesised, numeral: String(digits),
                             printed: "\(open)\(digits)\(shut)", rest: afterDigits.dropFirst().drop { $0.isWhitespace })
    }
}
