import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic parallel map: item i always computes slot i, so the result never depends on the
/// number of workers or on scheduling.
public enum Parallel {
    /// - Parameter order: the order in which items are started, e.g. the costliest first so that no
    ///   worker is left with a long item at the end; nil for 0, 1, 2, …. It never changes the result.
    public static func map<T>(count: Int, threads: Int, order: [Int]? = nil, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        precondition(order.map { $0.count == count && Set($0) == Set(0..<count) } ?? true, "order must list each item once")
        let workers = Swift.max(1, Swift.min(threads, count))
        if workers == 1, order == nil { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each slot is written once, by the worker that claimed its item, so the unsynchronised buffer is
        // safe. Workers claim items as they become free (not a fixed share each): items of very unequal
        // cost, such as figures or tables, then keep every worker busy to the end.
        nonisolated(unsafe) let output = slots
        let claimed = JobCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while case let position = claimed.increment() - 1, position < count {
                let index = order?[position] ?? position
                output[index] = body(index)
            }
        }
        return slots.map { $0! }
    }

    /// The machine's core count, the default worker count.
    public static var defaultThreads: Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
