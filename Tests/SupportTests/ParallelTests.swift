import Foundation
import Testing
@testable import Support

@Suite struct ParallelTests {
    /// Items of very unequal cost, as figures are: a worker that finishes early takes the next one.
    private func work(_ index: Int) -> Int { (0..<((index % 7) * 2_000)).reduce(index) { ($0 &* 31) &+ $1 } }

    @Test("the result is slot by slot whatever the worker count and start order")
    func resultIndependentOfSchedule() {
        let expected = (0..<200).map(work)
        let reversed = Array((0..<200).reversed())
        for threads in [1, 2, 3, 8] {
            #expect(Parallel.map(count: 200, threads: threads) { work($0) } == expected)
            #expect(Parallel.map(count: 200, threads: threads, order: reversed) { work($0) } == expected)
        }
    }

    @Test("items start in the given order")
    func startsInOrder() {
        let started = StartLog()
        let order = [3, 0, 4, 1, 2]
        _ = Parallel.map(count: 5, threads: 1, order: order) { started.append($0) }
        #expect(started.items == order)
    }
}

private final class StartLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [Int] = []

    func append(_ item: Int) {
        lock.lock()
        log.append(item)
        lock.unlock()
    }

    var items: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }
}

@Suite struct BackgroundTests {
    private struct Failure: Error, Equatable {}

    @Test("the value computed on its own thread, as often as it is asked for")
    func value() throws {
        let task = Background { (0..<1_000).reduce(0, +) }
        #expect(try task.value() == 499_500)
        #expect(try task.value() == 499_500)
    }

    @Test("an error of the body reaches the caller")
    func error() {
        let task = Background { () throws -> Int in throw Failure() }
        #expect(throws: Failure.self) { try task.value() }
    }
}
