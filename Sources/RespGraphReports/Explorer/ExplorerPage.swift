import RespGraphExport
import RespGraphModel

/// The explorer: one self-contained HTML file (no network access, no outside scripts, fonts or
/// libraries) made of the page template, style and script kept in `Explorer/Assets/` and the JSON
/// of ``ExplorerData``.
public enum ExplorerPage {
    /// The page for some data.
    ///
    /// The JSON goes into a `<script type="application/json">` element with every `<` written as
    /// `\u003c`, so no text in the data can end the element or open markup; the script inserts every
    /// name and text as text, never as HTML.
    public static func html(data: JSONValue, lang: Language, title: String, version: String) -> String {
        let json = data.compact().replacingOccurrences(of: "<", with: "\\u003c")
        return ExplorerAssets.page
            .replacingOccurrences(of: "{{lang}}", with: lang == .en ? "en" : "zh-CN")
            .replacingOccurrences(of: "{{version}}", with: XMLText.escape(version))
            .replacingOccurrences(of: "{{title}}", with: XMLText.escape(title))
            .replacingOccurrences(of: "{{style}}", with: ExplorerAssets.style)
            .replacingOccurrences(of: "{{script}}", with: ExplorerAssets.script)
            .replacingOccurrences(of: "{{data}}", with: json)
    }

    /// The Swift source that embeds the asset files, as ``ExplorerAssets`` holds them; a test keeps it
    /// equal to the files (`RESPGRAPH_RECORD=1 swift test --filter explorerAssetsMatchTheirFiles`).
    public static func generatedSource(page: String, style: String, script: String) -> String {
        func literal(_ text: String) -> String {
            precondition(!text.contains("\"\"\"##"), "an asset contains the literal's closing delimiter")
            return "##\"\"\"\n" + text + "\"\"\"##"
        }
        return """
        // Generated from Sources/RespGraphReports/Explorer/Assets/ by the test `explorerAssetsMatchTheirFiles`; do not edit.
        // Regenerate: RESPGRAPH_RECORD=1 swift test --filter explorerAssetsMatchTheirFiles

        /// The explorer's page template, style and script, compiled in so the page is written without files.
        enum ExplorerAssets {
            /// Assets/explorer.html: the page, with {{…}} placeholders.
            static let page = \(literal(page))

            /// Assets/explorer.css.
            static let style = \(literal(style))

            /// Assets/explorer.js.
            static let script = \(literal(script))
        }

        """
    }
}
