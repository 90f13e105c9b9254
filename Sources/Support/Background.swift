import Dispatch
import Foundation

/// A value computed on a thread of its own while the caller goes on with other work, for two stages
/// that do not need each other's results (the report's downloads and its figures). Its own thread, not
/// a dispatch queue, so that a `Parallel.map` inside it gets workers as if called from the main thread.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the thread before it signals `finished`, read only after waiting for it.
    private var result: Result<Value, any Error>?

    public init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result(catching: body)
            finished.signal()
        }
        // As much stack as the main thread: the body may encode deeply nested values.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the value; throws what the body threw.
    public func value() throws -> Value {
        finished.wait()
        defer { finished.signal() }
        return try result!.get()
    }
}
