import SearchSpace
import Statistics

/// One metric's fitness, prepared for running search algorithms on it.
public struct SearchLandscape: Sendable {
    /// The metric's id; it names the landscape in results and keys its random streams.
    public let metric: String
    public let fitness: FitnessFunction
    public let neighbours: NeighbourTable
    /// The global maximum's code (highest fitness, lowest API index on ties) and its fitness.
    public let globalMaximum: Int
    public let maximumFitness: Double
    /// The fixed targets, highest first; the first is always the global maximum.
    public let targets: [FixedTarget]
    /// Where the reach–improvability runs start (e.g. `top10`, `bottom10`, `all` from `Search.StartGroup`).
    public let startGroups: [StartCells]

    /// `percentiles` (in percent, type 7 over all cells) name the targets below the global maximum.
    public init(metric: String, fitness: FitnessFunction, neighbours: NeighbourTable, startGroups: [StartCells],
                percentiles: [Double] = [99.9, 99]) {
        precondition(startGroups.allSatisfy { !$0.members.isEmpty }, "a start group needs at least one cell")
        self.metric = metric
        self.fitness = fitness
        self.neighbours = neighbours
        self.startGroups = startGroups
        globalMaximum = fitness.globalMaximum
        maximumFitness = fitness.values[globalMaximum]
        let sorted = fitness.values.sorted()
        targets = [FixedTarget(label: "global-max", threshold: maximumFitness)] + percentiles.map { percent in
            let label = percent == percent.rounded() ? "p\(Int(percent))" : "p\(percent)"
            return FixedTarget(label: label, threshold: Descriptive.quantile(sorted, percent / 100))
        }
    }

    @inline(__always)
    public func value(_ cell: Int) -> Double { fitness.values[cell] }
}

/// A fitness level whose first query is timed: a run hits it with the first queried cell with f ≥ `threshold`.
public struct FixedTarget: Sendable, Equatable, Codable {
    /// `global-max`, `p99.9`, `p99`, …
    public let label: String
    public let threshold: Double
}

/// A named set of start cells (cell codes).
public struct StartCells: Sendable, Equatable {
    public let name: String
    public let members: [Int]

    public init(name: String, members: [Int]) {
        self.name = name
        self.members = members
    }
}
