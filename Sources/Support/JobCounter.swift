import Foundation

/// A count shared by worker threads: jobs finished, for progress reports, or items claimed, for
/// `Parallel.map`. It never affects what an item computes.
public final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Counts one more finished job and returns the new total.
    public func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
