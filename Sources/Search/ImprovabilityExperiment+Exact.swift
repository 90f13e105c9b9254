import SearchSpace
import Statistics

extension ImprovabilityExperiment {
    /// The exact tables of the fitness-dependent rules, built when the fixed-length experiment has L = 1
    /// (`always` needs none: the spectral engine is exact at every L) over one sort of the subcubes.
    struct StepTables {
        var oneStep: [AcceptanceRule: OneStepTables] = [:]
        /// When the experiment also has L = 2.
        var twoStep: [AcceptanceRule: TwoStepTables] = [:]
        /// `improving` and `non-worsening`: one per threshold, in `thresholds` order.
        var monotoneHitting: [AcceptanceRule: [MonotoneHittingTimes]] = [:]
    }

    static func stepTables(fitness: FitnessFunction, settings: SearchSettings, thresholds: [ThresholdSetting]) -> StepTables {
        let rules = settings.acceptanceRules.filter(\.isFitnessDependent)
        var result = StepTables()
        guard settings.pathLengths.contains(1), !rules.isEmpty else { return result }
        let subcubes = SortedSubcubes(fitness: fitness, threads: settings.threads)
        let slots = rules.contains { $0 == .improving || $0 == .nonWorsening } && !thresholds.isEmpty ? MonotoneHittingTimes.slots() : []
        for rule in rules where result.oneStep[rule] == nil {
            let tables = OneStepTables(subcubes: subcubes, rule: rule, threads: settings.threads)
            result.oneStep[rule] = tables
            if settings.pathLengths.contains(2) {
                let sums = AcceptedSphereSums(subcubes: subcubes, rule: rule, threads: settings.threads)
                result.twoStep[rule] = TwoStepTables(oneStep: tables, sums: sums, threads: settings.threads)
            }
            if rule == .improving || rule == .nonWorsening {
                result.monotoneHitting[rule] = thresholds.map {
                    MonotoneHittingTimes(fitness: fitness, threshold: $0.value, tables: tables, slots: slots)
                }
            }
        }
        return result
    }

    /// The exact L = 1 rows of a distance-type operator under a fitness-dependent rule, every group.
    func exactOneStepRows(_ op: SearchOperator, rule: AcceptanceRule, expectations: OneStepExpectations) -> [ImprovabilityRow] {
        groups.indices.map { g in
            let members = groups[g].members
            return exactRow(op, rule: rule, length: 1, group: g, improvability: expectations.change,
                            effectiveReach: members.reduce(0.0) { $0 + expectations.moved[$1] } / Double(members.count))
        }
    }

    /// The exact L = 2 rows of a distance-type operator under a fitness-dependent rule, every group.
    func exactTwoStepRows(_ op: SearchOperator, rule: AcceptanceRule, tables: TwoStepTables) -> [ImprovabilityRow] {
        let pi = op.distanceDistribution!
        let improvability = tables.expectedChange(distanceDistribution: pi).map { $0 / 2 }
        let moved = tables.expectedDistanceMoved(distanceDistribution: pi)
        return groups.indices.map { g in
            let members = groups[g].members
            return exactRow(op, rule: rule, length: 2, group: g, improvability: improvability,
                            effectiveReach: members.reduce(0.0) { $0 + moved[$1] } / Double(2 * members.count))
        }
    }

    /// The exact hitting times of one operator, rule and threshold (index `t`), when an exact engine applies:
    /// Krylov under `always`, the monotone sweep under `improving` and `non-worsening`.
    func exactHittingTimes(_ op: SearchOperator, rule: AcceptanceRule, threshold t: Int) -> HittingTimes.Solution? {
        rule == .always ? hittingTimes[t].solve(op) : monotoneHittingTimes[rule]?[t].solve(op)
    }

    /// An exact fixed-threshold row: mean and median of h over the group's starts below θ.
    func exactHittingRow(_ op: SearchOperator, rule: AcceptanceRule, group: StartGroupID, below: [Int],
                         threshold: ThresholdSetting, solution: HittingTimes.Solution) -> ImprovabilityRow {
        var times = below.map { solution.hittingTime[$0] }
        let total = times.reduce(0, +)
        // Isotropic proposals under `always` move op.reach on average from every cell; op-kernel's and
        // fitness-dependent rules' depend on the cell, so their reach is the expected distance moved over
        // the expected steps, pooled over the starts.
        let reach = solution.distanceMoved.map { moved in below.reduce(0.0) { $0 + moved[$1] } / total } ?? op.reach
        var result = row(op, rule: rule, experiment: .fixedThreshold, group: group, method: .exact, starts: below.count,
                         effectiveReach: reach, threshold: threshold)
        result.meanHittingTime = total / Double(below.count)
        result.medianHittingTime = Descriptive.median(selecting: &times)
        result.censoredFraction = 0
        result.hittingTimeEstimator = .mean
        return result
    }
}
