// Generated from Graphs/ by the test `embeddedDataMatchesGraphsFolder`; do not edit.
// Regenerate: RESPGRAPH_RECORD=1 swift test --filter embeddedDataMatchesGraphsFolder

/// The curated Guangxi data of Graphs/, compiled in so respgraph answers from any directory.
public enum EmbeddedGraphs {
    /// Graphs/agencies.csv.
    public static let registry = ""
    /// Graphs/corrections.csv.
    public static let corrections = "document,line,action,field,expected,value,note\n"
    /// The curated task tables, by path.
    public static let taskTables: [(name: String, csv: String)] = []
    /// The import findings behind each task table, by path.
    public static let diagnostics: [(name: String, csv: String)] = []
}
