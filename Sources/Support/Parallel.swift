import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic parallel map: item i always computes slot i, so the result never depends on the
/// number of workers or on scheduling.
public enum Parallel {
    public static func map<T>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = Swift.max(1, Swift.min(threads, count))
        if workers == 1 { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each worker writes only the slots of its own stride, so the unsynchronised buffer is safe.
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) { output[index] = body(index) }
        }
        return slots.map { $0! }
    }

    /// The machine's core count, the default worker count.
    public static var defaultThreads: Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
