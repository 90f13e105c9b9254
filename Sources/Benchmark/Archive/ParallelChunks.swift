import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work over fixed chunks of an index range on several threads. Chunk boundaries never depend on the
/// thread count and results come back in chunk order, so the outcome is the same for any `workers`.
enum ParallelChunks {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `body` for each chunk of `0..<count`, in chunk order. Once `body` reports a failure for a chunk,
    /// later chunks are skipped (earlier ones still run, so the first failure by index is the one kept).
    static func map<T: Sendable>(count: Int, chunkSize: Int, workers: Int,
                                 progress: (@Sendable (Int, Int) -> Void)?,
                                 _ body: @Sendable (Range<Int>) -> (value: T, failed: Bool)) -> [T?] {
        let chunkCount = (count + chunkSize - 1) / chunkSize
        let slots = Slots<T>(count: chunkCount)
        defer { slots.release() }
        let tracker = Tracker(total: count, progress: progress)
        let workerCount = max(1, min(workers, chunkCount))
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            for chunk in stride(from: worker, to: chunkCount, by: workerCount) {
                let range = chunk * chunkSize..<min(count, (chunk + 1) * chunkSize)
                guard !tracker.failedBefore(range.lowerBound) else { continue }
                let result = body(range)
                slots.store(result.value, at: chunk)
                tracker.finished(range, failed: result.failed)
            }
        }
        return slots.values()
    }

    /// One result slot per chunk; each chunk writes only its own slot.
    private struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        func store(_ value: T, at index: Int) { buffer[index] = value }
        func values() -> [T?] { Array(buffer) }

        func release() {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }

    /// Progress and the lowest failed index, shared by the workers behind a serial queue.
    private final class Tracker: @unchecked Sendable {
        private let queue = DispatchQueue(label: "nasreach.parallel-chunks")
        private let total: Int
        private let progress: (@Sendable (Int, Int) -> Void)?
        private var done = 0
        private var firstFailure = Int.max

        init(total: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            self.total = total
            self.progress = progress
        }

        func failedBefore(_ index: Int) -> Bool { queue.sync { firstFailure < index } }

        func finished(_ range: Range<Int>, failed: Bool) {
            queue.sync {
                if failed { firstFailure = min(firstFailure, range.lowerBound) }
                done += range.count
                progress?(done, total)
            }
        }
    }
}
