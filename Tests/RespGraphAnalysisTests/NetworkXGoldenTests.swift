import Foundation
import RespGraphAnalysis
import RespGraphData
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Every measure on both real documents against NetworkX's values, committed with the script and
/// NetworkX version that produced them (Golden/make_networkx_golden.py).
@Suite struct NetworkXGoldenTests {
    nonisolated(unsafe) static let golden: [String: Any] = {
        let data = FileManager.default.contents(atPath: Repository.path("Tests/RespGraphAnalysisTests/Golden/networkx-golden.json")) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }()

    static let graph: ResponsibilityGraph = {
        let registry = try! AgencyRegistry(csv: EmbeddedGraphs.registry, source: "agencies.csv")
        let importer = Importer(registry: registry)
        let docs = EmbeddedGraphs.taskTables.flatMap { try! importer.importTaskTable(csv: $0.csv, file: $0.name) }
        return importer.graph(from: docs)
    }()

    static func networks(_ doc: String) -> (graph: ResponsibilityGraph, co: AgencyNetwork, dep: AgencyNetwork) {
        let g = graph.filtered(documents: [graph.document(id: doc)!])
        return (g, AgencyNetwork.coAssignment(g), AgencyNetwork.dependency(g))
    }

    static func reference(_ doc: String, _ network: String, _ measure: String) -> [String: Double?] {
        let docs = golden["documents"] as? [String: Any]
        let net = (docs?[doc] as? [String: Any])?[network] as? [String: Any]
        let values = net?[measure] as? [String: Any] ?? [:]
        return values.mapValues { $0 as? Double }
    }

    /// Compares values by agency name; returns the names that differ by more than the tolerance.
    static func mismatches(_ values: [Double], _ network: AgencyNetwork, in graph: ResponsibilityGraph,
                           against reference: [String: Double?], tolerance: Double = 1e-9) -> [String] {
        var bad: [String] = []
        #expect(reference.count == values.count, "node count")
        for (v, id) in network.agencies.enumerated() {
            let name = graph[id].name
            guard let expected = reference[name] else { bad.append("\(name): missing"); continue }
            let got = values[v]
            if let e = expected {
                if !(abs(got - e) <= tolerance) { bad.append("\(name): \(got) vs \(e)") }
            } else if !got.isNaN {
                bad.append("\(name): \(got) vs nan")
            }
        }
        return bad
    }

    @Test func goldenFileNamesItsProvenance() {
        #expect(Self.golden["networkx_version"] as? String != nil)
        #expect((Self.golden["command"] as? String)?.contains("make_networkx_golden.py") == true)
    }

    @Test(arguments: ["2022", "2024"])
    func networkSizesMatch(doc: String) throws {
        let (_, co, dep) = Self.networks(doc)
        let docs = Self.golden["documents"] as? [String: Any]
        let c = (docs?[doc] as? [String: Any])?["coassign"] as? [String: Any]
        let d = (docs?[doc] as? [String: Any])?["dependency"] as? [String: Any]
        #expect(co.nodeCount == c?["nodes"] as? Int)
        #expect(co.linkCount == c?["links"] as? Int)
        #expect(dep.nodeCount == d?["nodes"] as? Int)
        #expect(dep.linkCount == d?["links"] as? Int)
    }

    @Test(arguments: ["2022", "2024"])
    func unweightedMeasuresEqualNetworkX(doc: String) throws {
        let (g, co, dep) = Self.networks(doc)
        let degree = DegreeCentrality.compute(co)
        let checks: [(String, [Double])] = [
            ("degree_centrality", degree.normalized),
            ("strength", degree.strength),
            ("betweenness", BetweennessCentrality.compute(co)),
            ("closeness", ClosenessCentrality.compute(co)),
            ("harmonic", ClosenessCentrality.compute(co, harmonic: true)),
            ("eigenvector", EigenvectorCentrality.compute(co).values),
            ("effective_size", StructuralHoles.compute(co).effectiveSize),
            ("constraint", StructuralHoles.compute(co).constraint),
        ]
        for (measure, values) in checks {
            let bad = Self.mismatches(values, co, in: g, against: Self.reference(doc, "coassign", measure))
            #expect(bad.isEmpty, "\(doc) \(measure): \(bad.prefix(5))")
        }
        let depChecks: [(String, [Double])] = [
            ("pagerank", PageRank.compute(dep).values),
            ("betweenness", BetweennessCentrality.compute(dep)),
            ("in_degree", DegreeCentrality.compute(dep, incoming: true).degree.map(Double.init)),
            ("out_degree", DegreeCentrality.compute(dep).degree.map(Double.init)),
        ]
        for (measure, values) in depChecks {
            let bad = Self.mismatches(values, dep, in: g, against: Self.reference(doc, "dependency", measure))
            #expect(bad.isEmpty, "\(doc) dependency \(measure): \(bad.prefix(5))")
        }
    }

    @Test(arguments: ["2022", "2024"])
    func weightedMeasuresEqualNetworkX(doc: String) throws {
        let (g, co, _) = Self.networks(doc)
        let checks: [(String, [Double])] = [
            ("closeness_weighted", ClosenessCentrality.compute(co, metric: .strength)),
            ("harmonic_weighted", ClosenessCentrality.compute(co, metric: .strength, harmonic: true)),
            ("eigenvector_weighted", EigenvectorCentrality.compute(co, weighted: true).values),
            ("effective_size_weighted", StructuralHoles.compute(co, weighted: true).effectiveSize),
            ("constraint_weighted", StructuralHoles.compute(co, weighted: true).constraint),
        ]
        for (measure, values) in checks {
            let bad = Self.mismatches(values, co, in: g, against: Self.reference(doc, "coassign", measure))
            #expect(bad.isEmpty, "\(doc) \(measure): \(bad.prefix(5))")
        }
        // Weighted betweenness: exact comparison (NetworkX's rule) matches everywhere; the default
        // tolerance rule matches wherever no near-tie is involved.
        let reference = Self.reference(doc, "coassign", "betweenness_weighted")
        let exact = BetweennessCentrality.compute(co, metric: .strength, tieTolerance: 0)
        #expect(Self.mismatches(exact, co, in: g, against: reference).isEmpty)
        let tolerant = BetweennessCentrality.compute(co, metric: .strength)
        let nearTie = (0..<co.nodeCount).filter { abs(tolerant[$0] - exact[$0]) > 1e-12 }
        let agreeing = (0..<co.nodeCount).filter { !nearTie.contains($0) }
        for v in agreeing {
            let expected = reference[g[co.agencies[v]].name] ?? nil
            #expect(abs(tolerant[v] - (expected ?? .nan)) <= 1e-9)
        }
        print("\(doc): weighted betweenness, \(nearTie.count) of \(co.nodeCount) agencies touched by near-ties")
    }
}

extension NetworkXGoldenTests {
    @Test(arguments: ["2022", "2024"])
    func structureEqualsNetworkX(doc: String) throws {
        let (g, co, _) = Self.networks(doc)
        let cores = Structure.coreNumbers(co).map(Double.init)
        #expect(Self.mismatches(cores, co, in: g, against: Self.reference(doc, "coassign", "core_number")).isEmpty)
        let docs = Self.golden["documents"] as? [String: Any]
        let c = (docs?[doc] as? [String: Any])?["coassign"] as? [String: Any]
        #expect(Set(Structure.components(co)).count == c?["components"] as? Int)
        // Modularity of a fixed partition (agencies grouped by kind), weighted and unweighted.
        let kinds = AgencyKind.allCases
        let partition = co.agencies.map { kinds.firstIndex(of: g[$0].kind)! }
        let dense = partition.map { k in Array(Set(partition)).sorted().firstIndex(of: k)! }
        let weighted = try #require(c?["modularity_by_kind"] as? Double)
        let unweighted = try #require(c?["modularity_by_kind_unweighted"] as? Double)
        #expect(abs(Structure.modularity(co, communities: dense) - weighted) < 1e-9)
        #expect(abs(Structure.modularity(co.mapWeights { _ in 1 }, communities: dense) - unweighted) < 1e-9)
    }
}

extension NetworkXGoldenTests {
    @Test(arguments: ["2022", "2024"])
    func networkLevelFiguresEqualNetworkX(doc: String) throws {
        let (_, co, _) = Self.networks(doc)
        let m = NetworkMeasures(co)
        let docs = Self.golden["documents"] as? [String: Any]
        let ref = try #require(((docs?[doc] as? [String: Any])?["network_level"]) as? [String: Any])
        func value(_ key: String) throws -> Double { try #require((ref[key] as? NSNumber)?.doubleValue, "\(key)") }
        let checks: [(String, Double)] = [
            ("density", m.density), ("valued_density", m.valuedDensity), ("degree_centralization", m.degreeCentralization),
            ("betweenness_centralization", m.betweennessCentralization), ("closeness_centralization", m.closenessCentralization),
            ("average_path_length", m.averagePathLength), ("diameter", Double(m.diameter)), ("global_efficiency", m.compactness),
            ("average_clustering", m.averageClustering), ("transitivity", m.transitivity), ("degree_assortativity", m.assortativity),
            ("components", Double(m.components)), ("largest_component", Double(m.largestComponent)),
        ]
        for (key, ours) in checks {
            let expected = try value(key)
            #expect(abs(ours - expected) < 1e-9, "\(doc) \(key): \(ours) vs \(expected)")
        }
    }
}
