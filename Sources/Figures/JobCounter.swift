import Foundation

/// Jobs finished so far across worker threads, for progress reports; it never affects what is computed.
final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one more finished job and returns the new total.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
