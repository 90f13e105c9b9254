/// One metric's accuracies laid out over the search space, ready for the landscape and search stages.
///
/// `values` is indexed by cell code (base-5 order, which the Fourier and neighbour machinery needs);
/// `apiIndex` maps a code back to its NATS-Bench API index, which breaks ties and names cells in reports.
public struct FitnessFunction: Sendable {
    public let values: [Double]
    public let apiIndex: [Int32]

    public init(values: [Double], apiIndex: [Int32]) {
        precondition(values.count == Cell.count && apiIndex.count == Cell.count)
        self.values = values
        self.apiIndex = apiIndex
    }

    /// A function whose API index is the code itself (for synthetic landscapes in tests).
    public init(valuesByCode values: [Double]) {
        self.init(values: values, apiIndex: (0..<Cell.count).map { Int32($0) })
    }

    /// True when cell `a` ranks above cell `b`: higher fitness, ties to the lower API index.
    @inlinable
    public func ranksAbove(_ a: Int, _ b: Int) -> Bool {
        values[a] != values[b] ? values[a] > values[b] : apiIndex[a] < apiIndex[b]
    }

    /// The global maximum's code (highest fitness, lowest API index on ties).
    public var globalMaximum: Int {
        var best = 0
        for x in 1..<Cell.count where ranksAbove(x, best) { best = x }
        return best
    }
}
