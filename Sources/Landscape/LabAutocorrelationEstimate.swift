import Foundation
import SearchSpace
import Statistics

/// The lab's Monte Carlo autocorrelation estimator (Tao & Bang 2024), for lab-compatible values.
///
/// Each walk is a list of cells (the lab's "length 100" walk holds 100 cells, so 99 moves), starting at a
/// uniformly drawn cell and moving to a uniformly chosen one of the 24 neighbours. For lag k the lab takes,
/// per walk, Pearson's r between the walk's fitness sequence without its last k cells and without its first
/// k cells (each segment centred on its own mean and scaled by its own spread), then the plain mean of r over
/// walks. Unlike `MonteCarloAutocorrelation`, which centres on the exact mean and variance of the space, the
/// per-walk correlation is biased low against the stationary ρ(k): a 100-cell walk sees less of the
/// landscape's spread than the whole space does. The correlation length is −1/ln of the lag-1 estimate.
///
/// The lab's own walks cannot be regenerated: `random.seed(0)` fixes Python's generator, but every move is
/// `random.choice` over a neighbour list built by iterating a Python set of arch strings, whose order depends
/// on the per-process string hash seed. So the seeded walks here are nasreach's own; the estimator also
/// accepts explicit walks (e.g. the lab's saved ones) to check the estimator itself.
public struct LabAutocorrelationEstimate: Sendable, Equatable {
    /// The lab's settings: 200 walks of 100 cells.
    public static let labWalks = 200
    public static let labCellsPerWalk = 100
    /// Stream key of the walks under the run's seed, distinct from any other consumer of that seed.
    static let streamKey: UInt64 = 0x6C61_625F_7761_6C6B  // "lab_walk"

    public let walks: Int
    public let cellsPerWalk: Int
    /// Mean over walks of the per-walk r at lags 1…lags; nil at a lag where some walk's r is undefined
    /// (a constant segment), where the lab's mean would be NaN.
    public let estimate: [Double?]

    /// The estimator on explicit walks, each a list of cell codes.
    public init(fitness: FitnessFunction, walksByCode: [[Int]], lags: Int) {
        precondition(!walksByCode.isEmpty && walksByCode.allSatisfy { $0.count > lags + 1 }, "every walk must be longer than the largest lag plus one")
        walks = walksByCode.count
        cellsPerWalk = walksByCode[0].count
        let sequences = walksByCode.map { walk in walk.map { fitness.values[$0] } }
        estimate = (1...lags).map { lag in
            var sum = 0.0
            for sequence in sequences {
                let r = Correlation.pearson(Array(sequence.dropLast(lag)), Array(sequence.dropFirst(lag))).statistic
                guard !r.isNaN else { return nil }
                sum += r
            }
            return sum / Double(sequences.count)
        }
    }

    /// The estimator on nasreach's own seeded walks: walk w draws from stream w of `SeededGenerator(seed:
    /// seed, stream: streamKey)`, so the values depend on the seed alone.
    public init(fitness: FitnessFunction, neighbours: NeighbourTable, lags: Int,
                walks: Int = labWalks, cellsPerWalk: Int = labCellsPerWalk, seed: UInt64) {
        let base = SeededGenerator(seed: seed, stream: LabAutocorrelationEstimate.streamKey)
        let paths = (0..<walks).map { walk in
            var generator = base.stream(UInt64(walk))
            var x = generator.nextInt(below: Cell.count)
            var path = [x]
            for _ in 1..<cellsPerWalk {
                x = neighbours[x, generator.nextInt(below: NeighbourTable.degree)]
                path.append(x)
            }
            return path
        }
        self.init(fitness: fitness, walksByCode: paths, lags: lags)
    }

    /// −1/ln r̄(1), the lab's correlation length; nil when r̄(1) is undefined or not in (0, 1).
    public var correlationLength: Double? {
        guard let first = estimate.first, let r = first, r > 0, r < 1 else { return nil }
        return -1 / log(r)
    }
}
