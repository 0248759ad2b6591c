/// One single-source shortest-path search with Brandes' bookkeeping: distances, path counts σ,
/// the predecessor DAG and the order nodes were settled in. Scratch arrays are allocated once and
/// reset per source, so repeated searches allocate nothing.
///
/// - Unweighted: breadth-first search, O(n + m).
/// - Weighted: Dijkstra with a binary heap, O(m log n), ties decided by ``PathTieRule``.
struct ShortestPathSearch {
    let n: Int
    let offsets: [Int32]
    let targets: [Int32]
    let lengths: [Double]?
    let tieTolerance: Double
    /// Distance from the source; `.infinity` when unreached.
    var distance: [Double]
    /// Number of shortest paths from the source.
    var sigma: [Double]
    /// Nodes in the order they were settled (non-decreasing distance).
    var order: [Int32]
    /// Predecessors of each node on shortest paths: `predecessors[predecessorStart[v] ..< predecessorStart[v] + predecessorCount[v]]`.
    var predecessorStart: [Int32]
    var predecessorCount: [Int32]
    var predecessors: [Int32]
    private var queue: [Int32]
    private var heap: [(Double, Int32)]
    private var settled: [Bool]

    init(n: Int, offsets: [Int32], targets: [Int32], lengths: [Double]?, tieTolerance: Double = PathTieRule.relativeTolerance) {
        self.tieTolerance = tieTolerance
        self.n = n
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
        distance = Array(repeating: .infinity, count: n)
        sigma = Array(repeating: 0, count: n)
        order = []
        order.reserveCapacity(n)
        // A node's predecessors lie among its in-neighbours, so its in-degree bounds their number.
        predecessorStart = Array(BetweennessCentrality.predecessorSlots(n, targets).dropLast())
        predecessorCount = Array(repeating: 0, count: n)
        predecessors = Array(repeating: 0, count: max(targets.count, 1))
        queue = []
        queue.reserveCapacity(n)
        heap = []
        settled = Array(repeating: false, count: n)
    }

    /// Runs the search from `source`, resetting only what the previous search touched.
    mutating func run(from source: Int) {
        for v in order {
            distance[Int(v)] = .infinity
            sigma[Int(v)] = 0
            predecessorCount[Int(v)] = 0
            settled[Int(v)] = false
        }
        order.removeAll(keepingCapacity: true)
        if let lengths { dijkstra(source, lengths) } else { bfs(source) }
    }

    private mutating func addPredecessor(_ w: Int, _ v: Int32) {
        predecessors[Int(predecessorStart[w] + predecessorCount[w])] = v
        predecessorCount[w] += 1
    }

    private mutating func bfs(_ source: Int) {
        queue.removeAll(keepingCapacity: true)
        distance[source] = 0
        sigma[source] = 1
        queue.append(Int32(source))
        var head = 0
        while head < queue.count {
            let v = Int(queue[head])
            head += 1
            order.append(Int32(v))
            let dv = distance[v]
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[e])
                if distance[w] == .infinity {
                    distance[w] = dv + 1
                    queue.append(Int32(w))
                }
                if distance[w] == dv + 1 {
                    sigma[w] += sigma[v]
                    addPredecessor(w, Int32(v))
                }
            }
        }
        // Nodes reached but not settled are impossible in BFS; every queued node was appended to order.
    }

    private mutating func dijkstra(_ source: Int, _ lengths: [Double]) {
        heap.removeAll(keepingCapacity: true)
        distance[source] = 0
        sigma[source] = 1
        push((0, Int32(source)))
        var touched: [Int32] = []
        while let (d, v32) = pop() {
            let v = Int(v32)
            if settled[v] || d > distance[v] { continue }
            settled[v] = true
            order.append(v32)
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let w = Int(targets[e])
                if settled[w] { continue }
                let candidate = d + lengths[e]
                if distance[w] == .infinity || PathTieRule.isShorter(candidate, than: distance[w], tolerance: tieTolerance) {
                    if distance[w] == .infinity { touched.append(Int32(w)) }
                    distance[w] = candidate
                    sigma[w] = sigma[v]
                    predecessorCount[w] = 0
                    addPredecessor(w, v32)
                    push((candidate, Int32(w)))
                } else if PathTieRule.isTie(candidate, distance[w], tolerance: tieTolerance) {
                    sigma[w] += sigma[v]
                    addPredecessor(w, v32)
                }
            }
        }
        // Every touched node is settled (Dijkstra settles every reachable node), so resetting by
        // `order` covers them; `touched` only guards that invariant in debug builds.
        assert(touched.allSatisfy { settled[Int($0)] })
    }

    private mutating func push(_ item: (Double, Int32)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if less(heap[i], heap[parent]) { heap.swapAt(i, parent); i = parent } else { break }
        }
    }

    private mutating func pop() -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }

    /// Orders by distance, then node index, so settling order is deterministic.
    @inline(__always) private func less(_ a: (Double, Int32), _ b: (Double, Int32)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }
}
