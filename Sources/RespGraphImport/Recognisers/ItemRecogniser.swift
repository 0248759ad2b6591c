/// Reads the paragraphs of a document into its items: numbered headings and items with their
/// levels, and the unnumbered paragraphs below them.
///
/// Levels follow the order in which numbering styles appear: a style not seen before opens a level
/// below the current one; a style already open closes the levels below it (so 一、 → （一） → 1. →
/// （1） → ① in any order a document uses). A paragraph that is only an assignment clause
/// (牵头单位：… on a line of its own) belongs to the item above it.
public struct ItemRecogniser: Sendable {
    /// One item or paragraph of a document.
    public struct Item: Sendable {
        /// Its level: 0 for the outermost numbering; unnumbered paragraphs sit one below their item.
        public var depth: Int
        /// Its numbering, when it has one.
        public var numbering: ItemNumbering?
        /// The text after the numbering, with any clause-only paragraphs below it appended.
        public var text: String
        /// Where it starts.
        public var place: BlockPlace
        /// The index of the enclosing numbered item.
        public var parent: Int?
        /// Whether a numbered item sits below it.
        public var hasNumberedChildren = false
        /// Its 1-based position among the unnumbered paragraphs of its parent.
        public var paragraphIndex = 0
    }

    /// Creates a recogniser.
    public init() {}

    /// The items of a document's paragraphs, in order.
    ///
    /// - Complexity: O(n) in the number of paragraphs, times the depth of the numbering.
    public func items(_ paragraphs: [TextBlock]) -> [Item] {
        var items: [Item] = []
        var styles: [ItemNumbering.Style] = []
        // For each open level, the index of its item.
        var open: [Int] = []
        var unnumberedCount: [Int: Int] = [:]
        for block in paragraphs {
            let text = block.text.trimmed
            guard !text.isEmpty else { continue }
            if let last = items.indices.last, Self.isClauseOnly(text) {
                items[last].text += text
                continue
            }
            if let n = ItemNumbering.parse(text) {
                let depth: Int
                if let k = styles.firstIndex(of: n.style) {
                    styles.removeSubrange((k + 1)...)
                    open.removeSubrange(k...)
                    depth = k
                } else {
                    styles.append(n.style)
                    depth = styles.count - 1
                }
                let parent = open.last
                if let p = parent { items[p].hasNumberedChildren = true }
                open.append(items.count)
                items.append(Item(depth: depth, numbering: n, text: String(n.rest).trimmed, place: block.place, parent: parent))
            } else {
                let parent = open.last
                let key = parent ?? -1
                unnumberedCount[key, default: 0] += 1
                items.append(Item(depth: styles.count, numbering: nil, text: text, place: block.place, parent: parent,
                                  paragraphIndex: unnumberedCount[key]!))
            }
        }
        return items
    }

    /// Whether a paragraph is only an assignment clause: it starts with a label (牵头单位：…), or is
    /// one bracketed clause.
    static func isClauseOnly(_ text: String) -> Bool {
        let chars = Array(TextCleaning.removingWhitespace(text))
        if let first = AssignmentClauseParser.firstLabel(in: chars, from: 0), first.index <= 1,
           [.lead, .support, .responsible, .person, .deadline].contains(first.field) {
            return true
        }
        if let f = chars.first, ClauseFinder.openers[f] != nil {
            let found = ClauseFinder.clauses(in: chars)
            if found.count == 1, found[0].range.lowerBound == 0, found[0].range.upperBound >= chars.count - 1 { return true }
        }
        return false
    }
}
