// respgraph-bench: times the pipeline on synthetic corpora of growing scale and writes a Markdown table.
//
//   swift run -c release respgraph-bench [--scales 1,10,100,1000] [--out FILE] [--export-dir DIR]
//
// Each measure is the median of several runs (more at small scales) and every result is checked
// for sanity before it is reported. With --export-dir the networks are written as edge lists for the
// NetworkX and igraph comparison (Examples/benchmarks/compare_networkx_igraph.py).
import Foundation
import RespGraphAnalysis
import RespGraphImport
import RespGraphModel
#if canImport(Glibc)
import Glibc
#endif

#if DEBUG
FileHandle.standardError.write(Data("warning: a debug build; timings mean nothing. Use swift run -c release respgraph-bench\n".utf8))
#endif

var scales: [Double] = [1, 10, 100, 1000]
var outPath: String? = nil
var exportDir: String? = nil
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let a = arguments.removeFirst()
    switch a {
    case "--scales": scales = (arguments.isEmpty ? "" : arguments.removeFirst()).split(separator: ",").compactMap { Double($0) }
    case "--out": outPath = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--export-dir": exportDir = arguments.isEmpty ? nil : arguments.removeFirst()
    default:
        FileHandle.standardError.write(Data("usage: respgraph-bench [--scales 1,10,100,1000] [--out FILE] [--export-dir DIR]\n".utf8))
        exit(64)
    }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
/// The process's peak resident memory: VmHWM, which starts afresh at exec (getrusage's ru_maxrss
/// keeps the peak of the process that exec'd this one, such as `swift run`, on Linux).
func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kB = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kB / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
func median(_ x: [Double]) -> Double { let s = x.sorted();
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }

/// Times `body` `runs` times and returns the median seconds and the last result.
func time<T>(_ runs: Int, _ body: () -> T) -> (Double, T) {
    var times: [Double] = []
    var result: T? = nil
    for _ in 0..<runs {
        let t = now()
        result = body()
        times.append(now() - t)
    }
    return (median(times), result!)
}

func check(_ condition: Bool, _ what: String) {
    if !condition {
        FileHandle.standardError.write(Data("sanity check failed: \(what)\n".utf8))
        exit(1)
    }
}

struct Row { var scale: Double; var agencies: Int; var links: Int; var tasks: Int; var cells: [(String,
    Double?)]; var memory: Double; var notes: [String] }
var rows: [Row] = []

for scale in scales {
    let runs = scale <= 1 ? 9 : scale <= 10 ? 5 : scale <= 100 ? 3 : 1
    let corpus = SyntheticCorpus(scale: scale, seed: 1)
    let csv = corpus.csv()
    let importer = Importer(registry: corpus.registry())
    var cells: [(String, Double?)] = []
    var notes: [String] = []
    let (importTime, graph) = time(runs) { () -> ResponsibilityGraph in
        // As the CLI imports: the rows consumed into the graph.
        var docs = try! importer.importTaskTable(csv: csv, file: "corpus.csv")
        return importer.graph(consuming: &docs)
    }
    check(graph.tasks.count > 0 && graph.invariantViolation() == nil, "imported graph")
    cells.append(("import", importTime))
    let (networkTime, nets) = time(runs) { (AgencyNetwork.coAssignment(graph), AgencyNetwork.dependency(graph)) }
    let (co, dep) = nets
    check(co.nodeCount > 0 && dep.linkCount > 0, "networks")
    cells.append(("networks", networkTime))
    let (workloadTime, loads) = time(runs) { Workload.loads(in: graph) }
    check(loads.reduce(0) { $0 + $1.lead } == graph.edgeCount(role: .lead), "workload lead total")
    cells.append(("workload", workloadTime))
    if scale <= 100 {
        let (bt, b) = time(runs) { BetweennessCentrality.compute(co) }
        check(b.allSatisfy { $0 >= 0 && $0 <= 1 } && b.contains { $0 > 0 }, "betweenness range")
        cells.append(("betweenness", bt))
        if scale >= 10 {
            // Shortest-path sampling against the exact values: the largest error over five seeds.
            var worst = 0.0, seconds: [Double] = [], estimate: BetweennessSampling.Estimate? = nil
            for seed in 1...5 {
                let t0 = now()
                let e = BetweennessSampling.estimate(co, epsilon: 0.005, delta: 0.05, seed: UInt64(seed))
                seconds.append(now() - t0)
                worst = max(worst, zip(e.values, b).map { abs($0 - $1) }.max() ?? 0)
                estimate = e
            }
            check(worst <= 0.005, "sampled betweenness within its bound")
            notes.append("sampled betweenness (Riondato–Kornaropoulos, ε = 0.005, δ = 0.05): \(estimate!.samples) paths, "
                + "median \(String(format: "%.2f", median(seconds))) s; largest error over 5 seeds \(String(format: "%.5f", worst))")
        }
        let (wt, w) = time(runs) { BetweennessCentrality.compute(co, metric: .strength) }
        check(w.allSatisfy { $0 >= 0 && $0 <= 1 }, "weighted betweenness range")
        cells.append(("betweenness (weighted)", wt))
        let (ct, c) = time(runs) { ClosenessCentrality.compute(co) }
        check(c.allSatisfy { $0 >= 0 && $0 <= 1 }, "closeness range")
        cells.append(("closeness", ct))
        let (et, ev) = time(runs) { EigenvectorCentrality.compute(co) }
        check(ev.converged, "eigenvector converged")
        cells.append(("eigenvector", et))
        let (ht, holes) = time(runs) { StructuralHoles.compute(co) }
        check(holes.constraint.allSatisfy { $0.isNaN || $0 > 0 }, "constraint positive")
        cells.append(("structural holes", ht))
    } else {
        for name in ["betweenness", "betweenness (weighted)"] { cells.append((name, nil)) }
        // Exact closeness runs at every scale: multi-source BFS, 64 sources per traversal.
        let (ct, c) = time(runs) { ClosenessCentrality.compute(co) }
        check(c.allSatisfy { $0 >= 0 && $0 <= 1 }, "closeness range")
        cells.append(("closeness", ct))
        for name in ["eigenvector", "structural holes"] { cells.append((name, nil)) }
        let (rt, rk) = time(runs) { BetweennessSampling.estimate(co, epsilon: 0.005, delta: 0.05, seed: 1) }
        check(rk.values.allSatisfy { $0 >= 0 } && rk.values.contains { $0 > 0 }, "sampled paths")
        notes.append("sampled betweenness (Riondato–Kornaropoulos, ε = 0.005, δ = 0.05): \(rk.samples) shortest "
            + "paths, \(String(format: "%.2f", rt)) s (vertex-diameter bound \(rk.vertexDiameterBound))")
        let k = 1000
        let (st, sampled) = time(runs) { BetweennessCentrality.sampled(co, samples: k, seed: 1) }
        check(sampled.values.allSatisfy { $0 >= 0 }, "sampled betweenness")
        notes.append("sampled betweenness, k = \(k) sources: \(String(format: "%.2f", st)) s, every normalized value within "
            + "±\(String(format: "%.3f", sampled.epsilon)) with probability 0.95")
    }
    let (pt, pr) = time(runs) { PageRank.compute(dep) }
    check(pr.converged && abs(pr.values.reduce(0, +) - 1) < 1e-9, "PageRank sums to 1")
    cells.append(("PageRank", pt))
    let (lt, louvain) = time(runs) { Communities.louvain(co) }
    check(louvain.modularity > 0 && louvain.modularity < 1, "modularity in (0, 1)")
    cells.append(("communities", lt))
    if let dir = exportDir {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write(_ net: AgencyNetwork, _ name: String) {
            var text = "# \(net.nodeCount) nodes\n"
            for u in 0..<net.nodeCount {
                for e in net.range(of: u) where net.isDirected || Int(net.targets[e]) > u {
                    text += "\(u) \(net.targets[e]) \(net.weights[e])\n"
                }
            }
            try? text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
        }
        let tag = String(Int(scale))
        write(co, "coassign-\(tag).txt")
        write(dep, "dependency-\(tag).txt")
    }
    let total = cells.compactMap(\.1).reduce(0, +)
    cells.append(("total", total))
    let row = Row(scale: scale, agencies: co.nodeCount, links: co.linkCount, tasks: graph.tasks.count, cells: cells,
                  memory: peakMemoryMB(), notes: notes)
    rows.append(row)
    let summary = cells.map { "\($0.0) \($0.1.map { String(format: "%.3f", $0) } ?? "–")" }.joined(separator: ", ")
    print("\(Int(scale))×: \(graph.tasks.count) tasks, \(co.nodeCount) agencies, \(co.linkCount) links; \(summary); "
        + "peak \(Int(peakMemoryMB())) MB")
    for n in notes { print("  " + n) }
}

var md = "| scale | tasks | agencies | links |"
let names = rows.first?.cells.map(\.0) ?? []
for n in names { md += " \(n) (s) |" }
md += " peak memory (MB) |\n|" + String(repeating: "---|", count: 4 + names.count + 1) + "\n"
for r in rows {
    md += "| \(Int(r.scale))× | \(r.tasks) | \(r.agencies) | \(r.links) |"
    for c in r.cells { md += " \(c.1.map { String(format: "%.3f", $0) } ?? "–") |" }
    md += " \(Int(r.memory)) |\n"
}
for r in rows { for n in r.notes { md += "\n\(Int(r.scale))×: \(n)." } }
md += "\n"
if let outPath { try? md.write(toFile: outPath, atomically: true, encoding: .utf8) } else { print(md) }
