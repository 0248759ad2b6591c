import Dispatch
import Foundation

/// Runs fixed blocks of work on several threads. The blocks, not the threads, partition the work,
/// and callers combine block results in block order, so results are identical whatever the number
/// of threads. `RESPGRAPH_THREADS` caps the threads (1 runs everything on the calling thread).
public enum Parallel {
    /// The number of worker threads: `RESPGRAPH_THREADS` when set, else the active processor count.
    public static let threads: Int = {
        if let text = ProcessInfo.processInfo.environment["RESPGRAPH_THREADS"], let n = Int(text), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Calls `body(block)` for every block in 0..<blocks, on up to ``threads`` threads.
    public static func forEachBlock(_ blocks: Int, _ body: @Sendable (Int) -> Void) {
        let workers = min(threads, blocks)
        if workers <= 1 {
            for b in 0..<blocks { body(b) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var b = worker
            while b < blocks {
                body(b)
                b += workers
            }
        }
    }
}
