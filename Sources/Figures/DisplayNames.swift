import Algorithms
import Analysis
import Search
import Support

// Plain-language names for the identifiers of `results.json`, in one place, so that a group, an
// experiment or a statistic reads the same in every figure and on every page.

extension StartGroupID {
    public var displayName: String {
        switch self {
        case .top10: "top 10%"
        case .bottom10: "bottom 10%"
        case .all: "all starts"
        case .decile(let i): "decile \(i)"
        }
    }
}

extension Experiment {
    public var displayName: String {
        switch self {
        case .fixedLength: "fixed path length"
        case .fixedThreshold: "fixed threshold"
        }
    }
}

extension ImprovabilityStatistic {
    public var displayName: String {
        switch self {
        case .meanImprovability: "mean improvability"
        case .medianImprovability: "median improvability"
        case .fractionImproved: "fraction improved"
        case .meanHittingTime: "mean hitting time"
        }
    }
}

extension ReachMeasure {
    public var displayName: String {
        switch self {
        case .reach: "reach"
        case .effectiveReach: "effective reach"
        }
    }
}

extension TestStatistic {
    /// The two columns a test correlates, e.g. `effective reach ~ median improvability`.
    public var displayName: String { "\(reachMeasure.displayName) ~ \(improvability.displayName)" }
}

extension ExperimentSetting {
    /// The setting as a reader writes it: `L = 10` or `θ = p90`.
    public var displayName: String {
        switch self {
        case .pathLength(let length): "L = \(length)"
        case .threshold(let label): "θ = \(label)"
        }
    }
}

extension AlgorithmID {
    public var displayName: String {
        switch self {
        case .randomSearch: "random search"
        case .localSearch: "local search"
        case .regularizedEvolution: "regularized evolution"
        case .simulatedAnnealing: "simulated annealing"
        case .onePlusLambdaEA: "(1+λ) EA"
        }
    }
}

extension NullCoverage {
    /// The operators the exact always-accept nulls are taken over, one phrase per group kind.
    public var spectralOperatorsDisplayName: [String] {
        [spectralGroups.map { "the \(NumberFormat.integer($0.operators)) isotropic operators on the top and bottom 10%" },
         spectralAllStarts.map { "all \(NumberFormat.integer($0.operators)) operators on all starts" }].compactMap { $0 }
    }
}
