import Dispatch

/// Deterministic parallel map: item i always runs alone with its own inputs, and results come back in
/// item order, so the output never depends on the thread count.
enum Parallel {
    static func map<T>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        // Worker w takes items w, w + workers, …: a fixed assignment, no shared counter.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for item in stride(from: worker, to: count, by: workers) { slots.store(body(item), at: item) }
        }
        return slots.values
    }
}

/// Write-once result slots filled from several threads at distinct indices.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    var values: [T] { (0..<count).map { buffer[$0]! } }
}
