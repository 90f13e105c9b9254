import Support
import SearchSpace
import Statistics

/// Every locality measure of one fitness function (science.md, "Locality of the landscape").
///
/// Cells are codes internally; everything reported to users names cells by NATS-Bench API index.
public struct LandscapeAnalysis: Sendable {
    public let fitness: FitnessFunction
    public let options: LandscapeOptions
    /// Code of the global maximum x* (highest fitness, lowest API index on ties).
    public let globalMaximum: Int
    /// Codes of the strict local maxima, best first.
    public let localMaxima: [Int]
    /// Correlation of the local maxima's fitness with their edit distance to x*.
    public let localMaximaCorrelation: FitnessDistanceCorrelation
    /// Fitness–distance correlation over all cells.
    public let fitnessDistance: FitnessDistanceCorrelation
    public let profile: FitnessDistanceProfile
    public let autocorrelation: Autocorrelation
    /// Nil for a constant landscape.
    public let monteCarlo: MonteCarloAutocorrelation?
    /// Basins of `localMaxima`, in the same order.
    public let basins: Basins
    public let neutralNetworks: NeutralNetworks
    /// Class key per cell code (`UniqueString`), when known.
    public let isomorphismClasses: [String]?

    /// Analyses one metric. - Parameter isomorphismClasses: class key per cell code, when known.
    public init(fitness: FitnessFunction, isomorphismClasses: [String]? = nil,
                options: LandscapeOptions = LandscapeOptions(), neighbours: NeighbourTable = NeighbourTable()) {
        self.fitness = fitness
        self.options = options
        self.isomorphismClasses = isomorphismClasses
        let best = fitness.globalMaximum
        globalMaximum = best
        let bestCell = Cell(code: best)
        let distance = (0..<Cell.count).map { Cell(code: $0).distance(to: bestCell) }
        let maxima = LocalMaxima.codes(of: fitness, neighbours: neighbours)
        localMaxima = maxima
        localMaximaCorrelation = FitnessDistanceCorrelation(fitness: maxima.map { fitness.values[$0] },
                                                            distance: maxima.map { distance[$0] })
        fitnessDistance = FitnessDistanceCorrelation(fitness: fitness.values, distance: distance)
        profile = FitnessDistanceProfile(fitness: fitness, distanceByCode: distance)
        autocorrelation = Autocorrelation(fitness: fitness, lags: options.lags)
        monteCarlo = MonteCarloAutocorrelation(fitness: fitness, neighbours: neighbours, lags: options.lags,
                                               walks: options.walks, walkLength: options.walkLength, seed: options.seed)
        basins = Basins(fitness: fitness, maxima: maxima, neighbours: neighbours)
        neutralNetworks = NeutralNetworks(fitness: fitness, classes: isomorphismClasses, neighbours: neighbours)
    }

    /// Analyses several metrics of one benchmark in parallel, one work item per metric. Each analysis
    /// is a pure function of its inputs, so the result does not depend on the number of threads.
    public static func analyze(_ metrics: [FitnessFunction], isomorphismClasses: [String]? = nil,
                               options: LandscapeOptions = LandscapeOptions(),
                               threads: Int = Parallel.defaultThreads) -> [LandscapeAnalysis] {
        let neighbours = NeighbourTable()
        return Parallel.map(count: metrics.count, threads: threads) { item in
            LandscapeAnalysis(fitness: metrics[item], isomorphismClasses: isomorphismClasses, options: options, neighbours: neighbours)
        }
    }

    /// Share of the space in the global maximum's weak basin; nil when x* is not a strict local maximum.
    public var globalMaximumWeakBasinShare: Double? {
        localMaxima.first == globalMaximum ? Double(basins.weakSizes[0]) / Double(Cell.count) : nil
    }

    /// Share of the space in the global maximum's strong basin; nil when x* is not a strict local maximum.
    public var globalMaximumStrongBasinShare: Double? {
        localMaxima.first == globalMaximum ? Double(basins.strongSizes[0]) / Double(Cell.count) : nil
    }
}
