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

/// Numbered slots that the workers of ``Parallel/forEachBlock(_:_:)`` fill and empty under a lock:
/// per-block results, or documents taken out, worked on and put back. Each slot is meant for one
/// worker at a time; the lock only guards the array itself.
public final class Slots<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var elements: [Element]

    /// Slots holding these elements.
    public init(_ elements: [Element]) { self.elements = elements }

    /// `count` slots holding `value`.
    public convenience init(repeating value: Element, count: Int) { self.init(Array(repeating: value, count: count)) }

    /// The number of slots.
    public var count: Int { elements.count }

    /// Puts an element into slot `i`.
    public func put(_ element: Element, at i: Int) {
        lock.lock()
        elements[i] = element
        lock.unlock()
    }

    /// Takes slot `i`'s element out, leaving `placeholder` in its place, so the element is moved
    /// rather than copied.
    public func take(_ i: Int, leaving placeholder: Element) -> Element {
        lock.lock()
        defer { lock.unlock() }
        let element = elements[i]
        elements[i] = placeholder
        return element
    }

    /// Every slot's element, in slot order.
    public var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return elements
    }
}
