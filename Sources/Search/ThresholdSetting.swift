import Statistics
import SearchSpace

/// One threshold θ of the fixed-threshold experiment and the groups it is reported for.
public struct ThresholdSetting: Sendable, Equatable {
    /// `p90`, `p99`, … or `median`.
    public let label: String
    public let value: Double
    public let groups: [StartGroupID]

    /// θ at each percentile (type 7 over all cells) for `top10`, `bottom10` and `all`, plus the median
    /// for `bottom10` alone.
    public static func standard(for fitness: FitnessFunction, percentiles: [Double]) -> [ThresholdSetting] {
        let main = percentiles.map { percent in
            let label = percent == percent.rounded() ? "p\(Int(percent))" : "p\(percent)"
            return ThresholdSetting(label: label, value: Descriptive.quantile(fitness.values, percent / 100),
                                    groups: StartGroupID.hypothesisGroups)
        }
        return main + [ThresholdSetting(label: "median", value: Descriptive.quantile(fitness.values, 0.5), groups: [.bottom10])]
    }
}
