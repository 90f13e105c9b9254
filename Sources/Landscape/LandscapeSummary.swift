import SearchSpace
import Statistics
import Support

/// The `landscape{id}` entry of `results.json`: the contract's fields first, then extras.
///
/// Cells are named by API index. Undefined numbers (e.g. correlations on a constant landscape) are nil
/// and written as `null`, so NaN never reaches the JSON and every field is always present.
public struct LandscapeSummary: Codable, Sendable, Equatable, WritesNullFields {
    // Contract fields.
    public let maxFitness: Double
    public let globalMaxIndex: Int
    public let numLocalMaxima: Int
    /// API indices of the strict local maxima, best first.
    public let localMaxima: [Int]
    public let fdc: Double?
    public let fdcSpearman: Double?
    public let fdcKendall: Double?
    /// Exact ρ(k), k = 1…20.
    public let autocorrelation: [Double]?
    /// −1/ln ρ(1) of the exact ρ (the lab's `correlationLength` is a Monte Carlo estimate: `labCompatible`).
    public let exactCorrelationLength: Double?
    public let numNeutralNetworks: Int
    public let maxNeutralNetworkSize: Int
    public let numWeakBasins: Int
    /// Mean weak basin size counting the maximum itself (the lab's `avgWeakBasinSize` leaves it out).
    public let avgWeakBasinSizeWithMaximum: Double?
    /// Largest edit distance from a maximum to a cell of its weak basin (the lab's `weakBasinExtent` is a
    /// share of the space).
    public let weakBasinMaxEditDistance: Int
    /// Strong basins holding more than their own maximum (every maximum has a strong basin of itself).
    public let numStrongBasins: Int
    /// Largest edit distance from a maximum to a cell of its strong basin.
    public let strongBasinMaxEditDistance: Int

    // Fitness–distance correlation details.
    public let fdcPValue: Double?
    public let fdcSpearmanPValue: Double?
    public let fdcKendallPValue: Double?
    /// Per local maximum (same order as `localMaxima`): fitness and edit distance to the global maximum.
    public let localMaximaFitness: [Double]
    public let localMaximaDistance: [Int]
    public let localMaximaPearson: Double?
    public let localMaximaSpearman: Double?
    public let localMaximaKendall: Double?
    public let localMaximaKendallPValue: Double?
    public let fitnessByDistance: [FitnessDistanceProfile.Shell]

    // Autocorrelation details.
    /// Fourier order energies E_0…E_6 and their shares of the variance (entry 0 is 0: order 0 is the mean).
    public let orderEnergies: [Double]
    public let orderVarianceShares: [Double]?
    public let autocorrelationMonteCarlo: [Double]?
    public let autocorrelationStandardError: [Double]?
    public let monteCarloWalks: Int
    public let monteCarloWalkLength: Int
    public let monteCarloSeed: UInt64

    // Basin details, per local maximum in the order of `localMaxima`.
    public let weakBasinSizes: [Int]
    public let weakBasinMaxEditDistances: [Int]
    public let strongBasinSizes: [Int]
    public let strongBasinMaxEditDistances: [Int]
    public let globalMaxWeakBasinShare: Double?
    public let globalMaxStrongBasinShare: Double?

    // Neutral network details, largest first.
    public let neutralNetworkSizes: [Int]
    /// Distinct isomorphism classes per network (same order), when the classes are known.
    public let neutralNetworkIsomorphismClasses: [Int]?
    public let maxNeutralNetworkFitness: Double?
    /// Distinct fitness values adjacent to the largest network, ascending, and how many exceed its fitness.
    public let maxNeutralNetworkNeighbourValues: [Double]
    public let maxNeutralNetworkFitterNeighbourValues: Int

    /// How maxima and neutral networks fall on isomorphism classes; nil when the classes are unknown.
    public let isomorphism: IsomorphismLayout?
    /// The lab's metrics under the lab's names and definitions (Tao & Bang 2024).
    public let labCompatible: LabCompatibleLandscape
}

extension LandscapeAnalysis {
    /// The JSON-ready summary of this analysis.
    public var summary: LandscapeSummary { summary() }

    /// The JSON-ready summary, sharing a neighbour table.
    public func summary(neighbours: NeighbourTable = NeighbourTable()) -> LandscapeSummary {
        let api = { (code: Int) in Int(fitness.apiIndex[code]) }
        let networks = neutralNetworks.networks
        let classCounts = networks.compactMap(\.isomorphismClasses)
        let distanceByAPI = profile.distanceByAPIIndex
        return LandscapeSummary(
            maxFitness: fitness.values[globalMaximum],
            globalMaxIndex: api(globalMaximum),
            numLocalMaxima: localMaxima.count,
            localMaxima: localMaxima.map(api),
            fdc: defined(fitnessDistance.pearson.statistic),
            fdcSpearman: defined(fitnessDistance.spearman.statistic),
            fdcKendall: defined(fitnessDistance.kendall.tau),
            autocorrelation: autocorrelation.exact,
            exactCorrelationLength: autocorrelation.correlationLength,
            numNeutralNetworks: networks.count,
            maxNeutralNetworkSize: neutralNetworks.largest?.size ?? 0,
            numWeakBasins: localMaxima.count,
            avgWeakBasinSizeWithMaximum: basins.averageWeakSize,
            weakBasinMaxEditDistance: basins.weakExtents.max() ?? 0,
            numStrongBasins: basins.nonTrivialStrongCount,
            strongBasinMaxEditDistance: basins.strongExtents.max() ?? 0,
            fdcPValue: defined(fitnessDistance.pearson.pValue),
            fdcSpearmanPValue: defined(fitnessDistance.spearman.pValue),
            fdcKendallPValue: defined(fitnessDistance.kendall.pValue),
            localMaximaFitness: localMaxima.map { fitness.values[$0] },
            localMaximaDistance: localMaxima.map { distanceByAPI[api($0)] },
            localMaximaPearson: defined(localMaximaCorrelation.pearson.statistic),
            localMaximaSpearman: defined(localMaximaCorrelation.spearman.statistic),
            localMaximaKendall: defined(localMaximaCorrelation.kendall.tau),
            localMaximaKendallPValue: defined(localMaximaCorrelation.kendall.pValue),
            fitnessByDistance: profile.shells,
            orderEnergies: autocorrelation.energies,
            orderVarianceShares: autocorrelation.varianceShares,
            autocorrelationMonteCarlo: monteCarlo?.estimate,
            autocorrelationStandardError: monteCarlo?.standardError,
            monteCarloWalks: options.walks,
            monteCarloWalkLength: options.walkLength,
            monteCarloSeed: options.seed,
            weakBasinSizes: basins.weakSizes,
            weakBasinMaxEditDistances: basins.weakExtents,
            strongBasinSizes: basins.strongSizes,
            strongBasinMaxEditDistances: basins.strongExtents,
            globalMaxWeakBasinShare: globalMaximumWeakBasinShare,
            globalMaxStrongBasinShare: globalMaximumStrongBasinShare,
            neutralNetworkSizes: networks.map(\.size),
            neutralNetworkIsomorphismClasses: classCounts.count == networks.count ? classCounts : nil,
            maxNeutralNetworkFitness: neutralNetworks.largest?.fitness,
            maxNeutralNetworkNeighbourValues: neutralNetworks.largestNeighbourValues,
            maxNeutralNetworkFitterNeighbourValues: neutralNetworks.largestFitterNeighbourValues,
            isomorphism: isomorphismClasses.map { IsomorphismLayout(analysis: self, classes: $0, neighbours: neighbours) },
            labCompatible: LabCompatibleLandscape(analysis: self, isomorphismClasses: isomorphismClasses, neighbours: neighbours)
        )
    }
}

/// Nil for NaN, so that undefined statistics never reach JSON.
private func defined(_ value: Double) -> Double? { value.isNaN ? nil : value }
