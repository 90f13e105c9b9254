import SearchSpace
import Statistics

extension ImprovabilityExperiment {
    /// The one-step tables of every fitness-dependent rule, when the fixed-length experiment has L = 1
    /// (`always` needs none: the spectral engine is exact at every L).
    static func oneStepTables(fitness: FitnessFunction, settings: SearchSettings) -> [AcceptanceRule: OneStepTables] {
        guard settings.pathLengths.contains(1) else { return [:] }
        return OneStepTables.tables(fitness: fitness, rules: settings.acceptanceRules.filter(\.isFitnessDependent),
                                    threads: settings.threads)
    }

    /// The exact L = 1 rows of a distance-type operator under a fitness-dependent rule, every group.
    func exactOneStepRows(_ op: SearchOperator, rule: AcceptanceRule, expectations: OneStepExpectations) -> [ImprovabilityRow] {
        groups.indices.map { g in
            let members = groups[g].members
            return exactRow(op, rule: rule, length: 1, group: g, improvability: expectations.change,
                            effectiveReach: members.reduce(0.0) { $0 + expectations.moved[$1] } / Double(members.count))
        }
    }

    /// An exact fixed-threshold row (`always`): mean and median of h over the group's starts below θ.
    func exactHittingRow(_ op: SearchOperator, group: StartGroupID, below: [Int], threshold: ThresholdSetting,
                         solution: HittingTimes.Solution) -> ImprovabilityRow {
        var times = below.map { solution.hittingTime[$0] }
        let total = times.reduce(0, +)
        // Isotropic proposals move op.reach on average from every cell; op-kernel's depend on the cell,
        // so its reach is the expected distance moved over the expected steps, pooled over the starts.
        let reach = solution.distanceMoved.map { moved in below.reduce(0.0) { $0 + moved[$1] } / total } ?? op.reach
        var result = row(op, rule: .always, experiment: .fixedThreshold, group: group, method: .exact, starts: below.count,
                         effectiveReach: reach, threshold: threshold)
        result.meanHittingTime = total / Double(below.count)
        result.medianHittingTime = Descriptive.median(selecting: &times)
        result.censoredFraction = 0
        return result
    }
}
