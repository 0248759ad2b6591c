import RespGraphModel

/// A network's adjacency seen through raw pointers for one loop of searches: compressed rows
/// (`offsets`, n + 1 entries) of `targets`, and each link's length, or nil when every link has
/// length 1.
struct AdjacencyView {
    let offsets: UnsafeBufferPointer<Int32>
    let targets: UnsafeBufferPointer<Int32>
    let lengths: UnsafeBufferPointer<Double>?
}

extension AgencyNetwork {
    /// Runs `body` with the outgoing (or, `incoming`, the reverse) adjacency and link lengths as raw
    /// pointers, valid for the call.
    func withAdjacency<R>(incoming: Bool = false, lengths: [Double]?, _ body: (AdjacencyView) -> R) -> R {
        (incoming ? inOffsets : offsets).withUnsafeBufferPointer { o in
            (incoming ? inTargets : targets).withUnsafeBufferPointer { t in
                guard let lengths else { return body(AdjacencyView(offsets: o, targets: t, lengths: nil)) }
                return lengths.withUnsafeBufferPointer { body(AdjacencyView(offsets: o, targets: t, lengths: $0)) }
            }
        }
    }
}

/// The one single-source shortest-path kernel of respgraph: betweenness, closeness and the
/// network-level path measures all run it.
///
/// - Unweighted: breadth-first search, O(n + m), distances in hops.
/// - Weighted: Dijkstra with an indexed binary heap (decrease-key, no stale entries), O(m log n);
///   ties between path lengths follow ``PathTieRule`` (relative tolerance), and equal keys settle
///   in node order, so the settling order is deterministic.
/// - With `countsPaths` it also keeps Brandes' bookkeeping: σ (the number of shortest paths from the
///   source) and the predecessor DAG, in per-node slots bounded by the in-degree.
///
/// Scratch buffers are allocated once per instance and reset only where the previous search wrote,
/// so a loop of searches allocates nothing. One instance serves one thread.
///
/// - Reference: E. W. Dijkstra, Numer. Math. 1:269–271, 1959; U. Brandes, J. Math. Sociol.
///   25(2):163–177, 2001 (path counting and predecessor lists).
final class ShortestPathSearch {
    /// Nodes in the order they were settled (non-decreasing distance); the source first.
    let order: UnsafeMutableBufferPointer<Int32>
    /// How many nodes the last search settled (reached), the source included.
    private(set) var settled = 0
    /// Hop distance from the source after an unweighted search; −1 when unreached.
    let hops: UnsafeMutableBufferPointer<Int32>
    /// Distance from the source after a weighted search; infinity when unreached.
    let distance: UnsafeMutableBufferPointer<Double>
    /// σ: the number of shortest paths from the source (with `countsPaths`).
    let sigma: UnsafeMutableBufferPointer<Double>
    /// Where each node's predecessor slots start (n + 1 entries).
    let predecessorStart: UnsafeMutableBufferPointer<Int32>
    /// How many predecessors each node has.
    let predecessorCount: UnsafeMutableBufferPointer<Int32>
    /// The predecessor slots.
    let predecessors: UnsafeMutableBufferPointer<Int32>
    private let heap: UnsafeMutableBufferPointer<Int32>
    /// A node's index in the heap; −1 when not in it, −2 once settled.
    private let position: UnsafeMutableBufferPointer<Int32>
    private let countsPaths: Bool
    private let tieTolerance: Double
    private var weighted = false

    /// A search over networks of `n` nodes whose links point at `targets` (the adjacency it will
    /// search; its in-degrees size the predecessor slots).
    init(n: Int, targets: [Int32], countsPaths: Bool, tieTolerance: Double = PathTieRule.relativeTolerance) {
        self.countsPaths = countsPaths
        self.tieTolerance = tieTolerance
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, count))
            b.initialize(repeating: value)
            return b
        }
        order = buffer(n, 0)
        hops = buffer(n, -1)
        distance = buffer(n, .infinity)
        sigma = buffer(n, 0)
        predecessorCount = buffer(n, 0)
        heap = buffer(n, 0)
        position = buffer(n, -1)
        predecessorStart = buffer(n + 1, 0)
        predecessors = buffer(countsPaths ? targets.count : 0, 0)
        if countsPaths {
            // A node's predecessors lie among its in-neighbours, so its in-degree bounds their number.
            for t in targets { predecessorStart[Int(t) + 1] += 1 }
            for i in 0..<n { predecessorStart[i + 1] += predecessorStart[i] }
        }
    }

    deinit {
        for b in [order, hops, heap, position, predecessorStart, predecessorCount, predecessors] { b.deallocate() }
        distance.deallocate()
        sigma.deallocate()
    }

    /// The distance of `v` from the last search's source; infinity when unreached.
    @inline(__always) func distance(of v: Int) -> Double {
        weighted ? distance[v] : (hops[v] < 0 ? .infinity : Double(hops[v]))
    }

    /// Searches from `source` in `graph` (weighted when it has lengths), after clearing what the
    /// previous search wrote.
    func run(from source: Int, in graph: AdjacencyView) {
        // Clear only what the previous search wrote.
        if weighted {
            for k in 0..<settled { let v = Int(order[k]); distance[v] = .infinity; position[v] = -1 }
        } else {
            for k in 0..<settled { hops[Int(order[k])] = -1 }
        }
        if countsPaths {
            for k in 0..<settled { let v = Int(order[k]); sigma[v] = 0; predecessorCount[v] = 0 }
        }
        weighted = graph.lengths != nil
        if let lengths = graph.lengths { dijkstra(source, graph.offsets, graph.targets, lengths) } else { bfs(source, graph.offsets, graph.targets) }
    }

    private func bfs(_ s: Int, _ offsets: UnsafeBufferPointer<Int32>, _ targets: UnsafeBufferPointer<Int32>) {
        if !countsPaths { return distancesOnly(s, offsets, targets) }
        let hops = hops, sigma = sigma, order = order
        let predecessors = predecessors, predecessorStart = predecessorStart, predecessorCount = predecessorCount
        hops[s] = 0
        sigma[s] = 1
        order[0] = Int32(s)
        var reached = 1
        var head = 0
        while head < reached {
            let v = Int(order[head])
            head += 1
            let dv = hops[v] + 1
            let sv = sigma[v]
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[e])
                var dw = hops[w]
                if dw < 0 {
                    dw = dv
                    hops[w] = dv
                    order[reached] = Int32(w)
                    reached += 1
                }
                if dw == dv {
                    sigma[w] += sv
                    predecessors[Int(predecessorStart[w] + predecessorCount[w])] = Int32(v)
                    predecessorCount[w] += 1
                }
            }
        }
        settled = reached
    }

    /// Breadth-first search keeping distances only (no path counts).
    private func distancesOnly(_ s: Int, _ offsets: UnsafeBufferPointer<Int32>, _ targets: UnsafeBufferPointer<Int32>) {
        let hops = hops, order = order
        hops[s] = 0
        order[0] = Int32(s)
        var reached = 1
        var head = 0
        while head < reached {
            let v = Int(order[head])
            head += 1
            let next = hops[v] + 1
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[e])
                if hops[w] < 0 {
                    hops[w] = next
                    order[reached] = Int32(w)
                    reached += 1
                }
            }
        }
        settled = reached
    }

    private func dijkstra(_ s: Int, _ offsets: UnsafeBufferPointer<Int32>, _ targets: UnsafeBufferPointer<Int32>,
                          _ lengths: UnsafeBufferPointer<Double>) {
        let dist = distance, heap = heap, pos = position
        var heapCount = 0
        @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
            let da = dist[Int(a)], db = dist[Int(b)]
            return da < db || (da == db && a < b)
        }
        @inline(__always) func siftUp(_ start: Int) {
            var i = start
            let item = heap[i]
            while i > 0 {
                let parent = (i - 1) >> 1
                if !less(item, heap[parent]) { break }
                heap[i] = heap[parent]; pos[Int(heap[i])] = Int32(i)
                i = parent
            }
            heap[i] = item; pos[Int(item)] = Int32(i)
        }
        @inline(__always) func siftDown(_ start: Int) {
            var i = start
            let item = heap[i]
            while true {
                let l = 2 * i + 1
                if l >= heapCount { break }
                var m = l
                if l + 1 < heapCount && less(heap[l + 1], heap[l]) { m = l + 1 }
                if !less(heap[m], item) { break }
                heap[i] = heap[m]; pos[Int(heap[i])] = Int32(i)
                i = m
            }
            heap[i] = item; pos[Int(item)] = Int32(i)
        }
        let tolerance = tieTolerance
        var count = 0
        dist[s] = 0
        sigma[s] = 1
        heap[0] = Int32(s); pos[s] = 0; heapCount = 1
        while heapCount > 0 {
            let v = Int(heap[0])
            heapCount -= 1
            if heapCount > 0 { heap[0] = heap[heapCount]; pos[Int(heap[0])] = 0; siftDown(0) }
            pos[v] = -2
            order[count] = Int32(v); count += 1
            let dv = dist[v], sv = sigma[v]
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[e])
                let p = pos[w]
                if p == -2 { continue }
                let candidate = dv + lengths[e]
                let dw = dist[w]
                if dw == .infinity || PathTieRule.isShorter(candidate, than: dw, tolerance: tolerance) {
                    dist[w] = candidate
                    if countsPaths {
                        sigma[w] = sv
                        predecessors[Int(predecessorStart[w])] = Int32(v)
                        predecessorCount[w] = 1
                    }
                    if p < 0 { heap[heapCount] = Int32(w); heapCount += 1; siftUp(heapCount - 1) } else { siftUp(Int(p)) }
                } else if countsPaths && PathTieRule.isTie(candidate, dw, tolerance: tolerance) {
                    sigma[w] += sv
                    predecessors[Int(predecessorStart[w] + predecessorCount[w])] = Int32(v)
                    predecessorCount[w] += 1
                }
            }
        }
        // Dijkstra settles every node it reaches, so `order` lists every node this search wrote.
        settled = count
    }
}
