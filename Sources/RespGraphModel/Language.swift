/// The language respgraph writes in: of table headers, diagrams, reports and the explorer
/// (names stay as their documents write them).
public enum Language: String, CaseIterable, Sendable {
    /// Chinese, for the offices.
    case zh
    /// English, for researchers comparing policy networks abroad.
    case en
}

/// A piece of respgraph's own text in both languages: a table title, a report label or definition,
/// a diagram's title. Each is declared once, beside the thing it names.
public struct Bilingual: Sendable, Hashable {
    /// The Chinese text.
    public let zh: String
    /// The English text.
    public let en: String

    /// Text given in both languages, Chinese first.
    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public subscript(_ language: Language) -> String { language == .zh ? zh : en }
}
