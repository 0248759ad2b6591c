import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RespGraphData
import RespGraphExport
import RespGraphImport
import RespGraphModel
import Testing

/// The writers, over the curated 2024 graph: what they write parses and holds every node and edge.
@Suite struct WriterTests {
    static let graph: ResponsibilityGraph = {
        let importer = Importer(registry: try! AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv"))
        let table = EmbeddedGraphs.taskTables.first { $0.name.contains("2024") }!
        return importer.graph(from: try! importer.importTaskTable(csv: table.csv, file: table.name))
    }()
    static let elements = GraphElements.agencyTask(graph)

    @Test func xmlTextEscapesMarkupAndReplacesForbiddenCharacters() {
        #expect(XMLText.escape("A&B <c> \"d\" 'e'") == "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;")
        #expect(XMLText.escape("x\u{1}y") == "x\u{FFFD}y")
        #expect(XMLText.isForbidden("\u{1}") && !XMLText.isForbidden("\n") && !XMLText.isForbidden("中"))
    }

    @Test func graphMLParsesWithEveryNodeAndEdge() throws {
        final class Counter: NSObject, XMLParserDelegate {
            var nodes = 0, edges = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "node" { nodes += 1 }
                if name == "edge" { edges += 1 }
            }
        }
        let parser = XMLParser(data: Data(GraphMLWriter.write(Self.elements).utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.nodes == Self.elements.nodes.count && counter.edges == Self.elements.edges.count)
        #expect(counter.nodes == Self.graph.agencies.count + Self.graph.tasks.count)
    }

    @Test func nodeLinkJSONIsJSONWithEveryNodeAndLink() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(NodeLinkJSONWriter.write(Self.elements).utf8)) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.count == Self.elements.nodes.count)
        #expect((object["links"] as? [Any])?.count == Self.elements.edges.count)
    }

    @Test func pajekListsEveryVertexOnce() {
        let lines = ResearchFormats.pajek(Self.elements).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.first { $0.hasPrefix("*Vertices") } ?? ""
        #expect(header.hasPrefix("*Vertices \(Self.elements.nodes.count)"), "\(header)")
    }

    @Test func jsonValuesRoundTripThroughJSONSerialization() throws {
        let value = JSONValue.object([("name", .string("自治区“数据”局\n\\")), ("n", .int(3)), ("x", .double(0.25)), ("list", .array([.bool(true), .null]))])
        let back = try #require(try JSONSerialization.jsonObject(with: Data(value.formatted().utf8)) as? [String: Any])
        #expect(back["name"] as? String == "自治区“数据”局\n\\")
        #expect(back["n"] as? Int == 3 && back["x"] as? Double == 0.25)
    }
}
