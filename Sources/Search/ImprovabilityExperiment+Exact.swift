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
        /// The chains of `k-edit(k)` beyond `dynamicProgrammingMaxK`, when some length beyond 2 is within
        /// `exactChainMaxLength`.
        var chains: [AcceptanceRule: SphereAcceptanceChain] = [:]
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
            let chained = settings.pathLengths.contains { $0 > 2 && $0 <= settings.exactChainMaxLength }
            if settings.pathLengths.contains(2) || chained {
                let sums = AcceptedSphereSums(subcubes: subcubes, rule: rule, threads: settings.threads)
                if settings.pathLengths.contains(2) { result.twoStep[rule] = TwoStepTables(oneStep: tables, sums: sums, threads: settings.threads) }
                if chained { result.chains[rule] = SphereAcceptanceChain(sums: sums, tables: tables) }
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

    /// An exact fixed-threshold row: mean and median of h over the group's starts below θ. Where some of them
    /// never reach θ (h = ∞), the row holds the restricted mean instead (`exactRestrictedMean`), nil when
    /// that is not exact.
    func exactHittingRow(_ op: SearchOperator, rule: AcceptanceRule, group: StartGroupID, below: [Int],
                         threshold: ThresholdSetting, solution: HittingTimes.Solution, tolerance: Double) -> ImprovabilityRow? {
        var times = below.map { solution.hittingTime[$0] }
        var result = row(op, rule: rule, experiment: .fixedThreshold, group: group, method: .exact, starts: below.count,
                         effectiveReach: op.reach, threshold: threshold)
        // The median over starts is ∞ (no median) when half or more never reach θ, as Kaplan–Meier's would be.
        result.medianHittingTime = Descriptive.median(selecting: &times)
        if result.medianHittingTime?.isFinite != true { result.medianHittingTime = nil }
        guard below.allSatisfy({ solution.hittingTime[$0].isFinite }) else {
            return exactRestrictedMean(result, op, below: below, solution: solution, tolerance: tolerance)
        }
        let total = below.reduce(0.0) { $0 + solution.hittingTime[$1] }
        // Isotropic proposals under `always` move op.reach on average from every cell; op-kernel's and
        // fitness-dependent rules' depend on the cell, so their reach is the expected distance moved over
        // the expected steps, pooled over the starts.
        if let moved = solution.distanceMoved { result.effectiveReach = below.reduce(0.0) { $0 + moved[$1] } / total }
        result.meanHittingTime = total / Double(below.count)
        result.censoredFraction = 0
        result.hittingTimeEstimator = .mean
        return result
    }

    /// The row of `always` hitting times from starts some of which never reach θ (the classes without a cell
    /// above θ of an `op-kernel` whose per-edge kernel splits the operations): the mean is infinite, so the row
    /// holds, exactly, what Monte Carlo estimates at a cap c — the restricted mean E[min(τ, c)], the fraction
    /// censored, the distance moved per step until min(τ, c). A start that never reaches θ gives c steps and,
    /// its edges moving independently, Σ_e Σ_{t<c} (Kᵗ m)(x_e) of distance (m(a) = 1 − K(a, a)); one that does
    /// gives h(x) − (P_TTᶜ h)(x), and its distance u(x) − (P_TTᶜ u)(x) with u ≤ 6h. For symmetric P_TT,
    /// 0 ≤ P_TTᶜ h ≤ ρᶜ ‖h‖₂ with ρ ≤ 1 − 1/max h, so c is Monte Carlo's largest cap, doubled until 6 times
    /// that bound is within the solver's tolerance (every start's restricted time is at least 1). Nil for
    /// non-symmetric kernels.
    func exactRestrictedMean(_ partial: ImprovabilityRow, _ op: SearchOperator, below: [Int], solution: HittingTimes.Solution,
                             tolerance: Double) -> ImprovabilityRow? {
        guard op.isSymmetric, let kernel = op.perEdgeKernel, let moved = solution.distanceMoved else { return nil }
        let finite = solution.hittingTime.filter(\.isFinite)
        let largest = finite.max() ?? 0, norm = finite.reduce(0) { $0 + $1 * $1 }.squareRoot()
        var cap = settings.maximumHittingTimeCap
        while 6 * norm * _exp(Double(cap) * _log(1 - 1 / largest)) > tolerance { cap *= 2 }
        let perEdge = ImprovabilityExperiment.distanceMoved(kernel: kernel, steps: cap).sums
        var steps = 0.0, distance = 0.0, censored = 0
        for x in below {
            if solution.hittingTime[x].isFinite {
                steps += solution.hittingTime[x]
                distance += moved[x]
            } else {
                steps += Double(cap)
                distance += (0..<Cell.edgeCount).reduce(0.0) { $0 + perEdge[(x / Cell.strides[$1]) % 5] }
                censored += 1
            }
        }
        var result = partial
        result.meanHittingTime = steps / Double(below.count)
        result.effectiveReach = distance / steps
        result.censoredFraction = Double(censored) / Double(below.count)
        result.hittingTimeEstimator = .restrictedMean
        result.hittingTimeCap = cap
        return result
    }

    /// (Σ_{t<c} Kᵗ m, Kᶜ) for the 5×5 per-edge kernel K and m(a) = 1 − K(a, a), by halving c: the expected
    /// distance one edge starting at each operation moves in c steps, in O(log c) products.
    static func distanceMoved(kernel: [Double], steps c: Int) -> (sums: [Double], power: [Double]) {
        let n = Cell.operationCount
        func product(_ a: [Double], _ b: [Double], columns: Int) -> [Double] {
            (0..<n * columns).map { index in (0..<n).reduce(0.0) { $0 + a[n * (index / columns) + $1] * b[columns * $1 + index % columns] } }
        }
        if c == 1 { return ((0..<n).map { 1 - kernel[(n + 1) * $0] }, kernel) }
        if c % 2 == 1 {
            let (sums, power) = distanceMoved(kernel: kernel, steps: c - 1)
            return (zip(distanceMoved(kernel: kernel, steps: 1).sums, product(kernel, sums, columns: 1)).map(+),
                    product(kernel, power, columns: n))
        }
        let (sums, power) = distanceMoved(kernel: kernel, steps: c / 2)
        return (zip(sums, product(power, sums, columns: 1)).map(+), product(power, power, columns: n))
    }
}
