import Statistics
import Support

/// The walks per (rule, group) of the Monte Carlo fixed-length rows, chosen from a precision target.
///
/// A pilot runs `pilotWalks` walks per group for the first `pilotOperators` operators of the set that
/// need Monte Carlo under the rule (a fixed subset, so every shard computes the same budget). For each
/// path length, with v the variance of the pilot estimates across operators and s² their mean squared
/// standard error, the true values vary by v − s², and n walks give reliability
/// (v − s²) / (v − s² + s²·n₀/n); the budget is the smallest even n reaching the target at every length,
/// within [minimumWalks, maximumWalks] (the maximum when the values do not vary beyond their noise).
/// Halving a standard error needs four times the walks, so 1/n is the scaling assumed; finer strata only
/// do better. Under Metropolis the pilot also records the same walks of the operators without one-step
/// expectations with every step averaged over its acceptance draw, and keeps that estimator at the (group,
/// length) settings where its mean squared standard error is the smaller (`averagedLengths`); chosen on the
/// pilot's walks, never on the walks it is applied to, it leaves every estimate unbiased.
public struct WalkBudget: Sendable, Equatable {
    /// Walks by rule label and group.
    public let walks: [String: [StartGroupID: Int]]
    /// The reliability the pilot predicts for the chosen walks, lowest over lengths, by rule label and group.
    public let predictedReliability: [String: [StartGroupID: Double]]
    /// The lengths at which walks without one-step expectations record acceptance-averaged steps, by rule
    /// label and group.
    public let averagedLengths: [String: [StartGroupID: Set<Int>]]

    public static let pilotOperators = 64
    public static let pilotWalks = 64

    func walks(rule: AcceptanceRule) -> [StartGroupID: Int] { walks[rule.label] ?? [:] }
    func averagedLengths(rule: AcceptanceRule) -> [StartGroupID: Set<Int>] { averagedLengths[rule.label] ?? [:] }

    init(pilotOf experiment: ImprovabilityExperiment, operators: [SearchOperator]) {
        let settings = experiment.settings
        var walks: [String: [StartGroupID: Int]] = [:], predicted: [String: [StartGroupID: Double]] = [:]
        var averagedLengths: [String: [StartGroupID: Set<Int>]] = [:]
        let pilotGroups = Dictionary(uniqueKeysWithValues: StartGroupID.hypothesisGroups.map { ($0, Self.pilotWalks) })
        let target = settings.monteCarloReliability
        for (ruleIndex, rule) in settings.acceptanceRules.enumerated() {
            let pilot = operators.filter { experiment.usesMonteCarlo($0, rule: rule) }.prefix(Self.pilotOperators).map { $0 }
            guard pilot.count >= 3 else { continue }
            let streams = SeededGenerator(seed: settings.monteCarloSeed, stream: 0x9170_7000).stream(UInt64(ruleIndex))
            // The same lengths as the experiment runs by Monte Carlo for each operator.
            let every = Dictionary(uniqueKeysWithValues: StartGroupID.hypothesisGroups.map { ($0, Set(experiment.pathLengths)) })
            // Per pilot operator: its rows, and (Metropolis, no one-step expectations) the same walks acceptance-averaged.
            let pilotRows = Parallel.map(count: pilot.count, threads: settings.threads) { index -> ([ImprovabilityRow], [ImprovabilityRow]?) in
                let op = pilot[index], expectations = experiment.expectations(op, rule: rule)
                func rows(averaged: [StartGroupID: Set<Int>]) -> [ImprovabilityRow] {
                    experiment.monteCarloFixedLengthRows(
                        op, rule: rule, streams: streams.stream(UInt64(index)),
                        lengths: experiment.pathLengths.filter { $0 > 1 || expectations == nil }, walks: pilotGroups,
                        averaged: averaged, expectations: expectations)
                }
                let averaging = expectations == nil && rule.metropolisTemperature != nil
                return (rows(averaged: [:]), averaging ? rows(averaged: every) : nil)
            }
            func meanSquaredError(_ rows: [ImprovabilityRow], _ group: StartGroupID, _ length: Int) -> Double {
                let errors = rows.filter { $0.group == group && $0.pathLength == length }.map { $0.standardError! * $0.standardError! }
                return errors.reduce(0, +) / Double(max(1, errors.count))
            }
            let outcomes = pilotRows.filter { $0.1 != nil }.flatMap(\.0), averages = pilotRows.compactMap(\.1).flatMap { $0 }
            var chosen: [StartGroupID: Set<Int>] = [:]
            if !averages.isEmpty {
                for group in StartGroupID.hypothesisGroups {
                    chosen[group] = Set(experiment.pathLengths.filter { meanSquaredError(averages, group, $0) < meanSquaredError(outcomes, group, $0) })
                }
                averagedLengths[rule.label] = chosen
            }
            let rows = pilotRows.flatMap { outcome, averaged in
                guard let averaged else { return outcome }
                return averaged.filter { chosen[$0.group]?.contains($0.pathLength!) == true }
                    + outcome.filter { chosen[$0.group]?.contains($0.pathLength!) != true }
            }
            for group in StartGroupID.hypothesisGroups {
                // (signal, noise) per length: the variance of the true values across operators, and the
                // mean squared standard error of the pilot's estimates.
                let parts: [(signal: Double, noise: Double)] = experiment.pathLengths.compactMap { length in
                    let estimates = rows.filter { $0.group == group && $0.pathLength == length }
                    guard estimates.count >= 3 else { return nil }
                    let noise = estimates.reduce(0) { $0 + $1.standardError! * $1.standardError! } / Double(estimates.count)
                    let spread = Descriptive.standardDeviation(estimates.map { $0.meanImprovability! })
                    return (spread * spread - noise, noise)
                }
                let resolved = parts.allSatisfy { $0.signal > 0 }
                let needed = resolved
                    ? parts.map { Double(Self.pilotWalks) * $0.noise * target / ((1 - target) * $0.signal) }.max() ?? 0
                    : Double(settings.maximumWalks)
                var chosen = min(max(Int(needed.rounded(.up)), settings.minimumWalks), settings.maximumWalks)
                chosen += chosen % 2
                walks[rule.label, default: [:]][group] = chosen
                predicted[rule.label, default: [:]][group] = resolved
                    ? parts.map { $0.signal / ($0.signal + $0.noise * Double(Self.pilotWalks) / Double(chosen)) }.min() ?? 1 : 0
            }
        }
        self.walks = walks
        predictedReliability = predicted
        self.averagedLengths = averagedLengths
    }
}
