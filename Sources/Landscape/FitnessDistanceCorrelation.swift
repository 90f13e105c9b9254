import Statistics

/// Pearson, Spearman and Kendall tau-b correlations of fitness with edit distance to the global maximum.
public struct FitnessDistanceCorrelation: Sendable, Equatable {
    public let pearson: CorrelationResult
    public let spearman: CorrelationResult
    public let kendall: KendallResult

    public init(fitness: [Double], distance: [Int]) {
        let distance = distance.map(Double.init)
        pearson = Correlation.pearson(fitness, distance)
        spearman = Correlation.spearman(fitness, distance)
        kendall = Correlation.kendallTauB(fitness, distance)
    }
}
