import Foundation

/// Jobs finished so far across worker threads, for progress reports; it never affects what is computed.
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
