import Foundation
import RespGraphImport

/// Runs a Graphviz layout program (dot, neato, sfdp…) to render DOT into SVG, PNG or PDF.
enum Graphviz {
    static let installHint = "install Graphviz and a Chinese font: apt-get install graphviz fonts-noto-cjk (Debian/Ubuntu), dnf install "
        + "graphviz google-noto-sans-cjk-fonts (Fedora), brew install graphviz (macOS)"

    /// Renders DOT to a file; SVG is written with glyph outlines (`-Tsvg:cairo`) so it shows Chinese
    /// on machines without the font.
    static func render(_ dot: String, layout: String, format: String, to output: String, extraArguments: [String] = []) throws {
        guard let program = ExternalProgram.find(layout) else {
            throw DataError(message: "cannot render: the Graphviz program '\(layout)' is not on PATH; \(installHint). The DOT itself is "
                + "available without --render.")
        }
        let type = format == "svg" ? "svg:cairo" : format
        let result: ExternalProgram.Output
        do { result = try ExternalProgram.run(program, extraArguments + ["-T\(type)", "-o", output], input: Data(dot.utf8)) } catch {
            throw DataError(message: "cannot run \(program): \(error.localizedDescription)")
        }
        if result.status != 0 {
            throw DataError(message: "\(layout) failed (status \(result.status)): \(String(decoding: result.stderr, as: UTF8.self))")
        }
    }

    /// DOT rendered to SVG text with glyph outlines, or nil when Graphviz is missing or fails.
    static func svg(_ dot: String, layout: String) -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("respgraph-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard (try? render(dot, layout: layout, format: "svg", to: file)) != nil else { return nil }
        return try? String(contentsOfFile: file, encoding: .utf8)
    }

    /// Graphviz's `-Tplain` layout of DOT (node positions), or nil when Graphviz is missing or fails.
    static func plain(_ dot: String, layout: String) -> String? {
        guard let program = ExternalProgram.find(layout),
              let result = try? ExternalProgram.run(program, ["-Tplain"], input: Data(dot.utf8)), result.status == 0 else { return nil }
        return String(decoding: result.stdout, as: UTF8.self)
    }
}
