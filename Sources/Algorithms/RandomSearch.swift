/// Uniform sampling without replacement. An iteration draws one unqueried cell; it moves from the
/// previous sample to the new one (so its reach is that of the `uniform` operator, restricted to new cells).
public struct RandomSearch: SearchAlgorithm {
    public init() {}

    public var id: AlgorithmID { .randomSearch }
    public var parameters: [String: Double] { [:] }

    public func search(_ run: inout SearchRun) {
        var current = run.start()
        while !run.isFinished {
            let next = run.uniformUnqueriedCell()
            _ = run.query(next)
            run.completeIteration(from: current, to: next)
            current = next
        }
    }
}
