import SearchSpace
import Statistics
import Testing
@testable import Search

/// Monte Carlo that says how sure it is: calibrated standard errors, the budget from the precision
/// target, censoring-aware hitting times, and proposals that follow the operator's law.
struct MonteCarloPrecisionTests {
    static let experiment: ImprovabilityExperiment = {
        var settings = SearchSettings.default
        settings.pathLengths = [1, 5]
        settings.acceptanceRules = [.improving, .metropolis(temperature: 0.5)]
        settings.thresholdPercentiles = [90]
        settings.dynamicProgrammingMaxK = 0
        settings.hittingWalks = 32
        settings.hittingTimeCap = 4
        settings.maximumHittingTimeCap = 4_096
        return ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
    }()

    /// One calibration case: a rule, a path length with exact rows, and the groups compared.
    struct CalibrationCase: Sendable, CustomTestStringConvertible {
        let rule: AcceptanceRule
        let length: Int
        let groups: [StartGroupID]
        var testDescription: String { "\(rule.label), L = \(length), \(groups.map(\.rawValue).joined(separator: "+"))" }
    }

    /// z = (Monte Carlo − exact)/SE over exact rows: 40 operators × the groups (64 walks each, raw
    /// f(X_L) − f(x), without the control variate, which is exact at L = 1): `always` at L = 5 against the
    /// spectral and product-kernel engines (isotropic and op-kernel operators), the fitness-dependent rules
    /// at L = 1 against the one-step tables (isotropic operators). With calibrated errors z has mean 0 and
    /// SD 1; the SE is itself estimated from 32 strata, so z is about t with 32 degrees of freedom (SD 1.03),
    /// and the sample SD of 70–120 z has an SD of about 0.08, so the bounds are 0.8…1.25 (3 of those). The
    /// test bounds the robust SD (1.4826 × median |z|) and the share of |z| > 2 (5% expected, at most 10%):
    /// metropolis at L = 1 has a few heavy-tailed z (rare long jumps), which put its plain SD near 1.5
    /// while its robust SD and tail share are nominal; the plain SD is in the message. Not
    /// tested: improving from the top 10% at L = 1, a rare-event regime (most proposals are rejected, so
    /// most of the 64 walks give exactly 0 and the SE is unstable; there SD(z) ≈ 1.9), which the report
    /// computes exactly and where Monte Carlo at longer L accumulates more moves; for the same reason the
    /// operators have reach ≥ 1 (one that almost never moves gives 64 equal changes and SE 0 at L = 1).
    @Test(arguments: [CalibrationCase(rule: .always, length: 5, groups: StartGroupID.hypothesisGroups),
                      CalibrationCase(rule: .metropolis(temperature: 0.5), length: 1, groups: StartGroupID.hypothesisGroups),
                      CalibrationCase(rule: .improving, length: 1, groups: [.bottom10, .all])])
    func standardErrorsAreCalibratedAgainstExactRows(_ calibration: CalibrationCase) {
        var settings = Self.experiment.settings
        settings.acceptanceRules = [calibration.rule]
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        let operators = OperatorSet.generate(count: 60, seed: 4)
            .filter { (calibration.rule == .always || $0.distanceDistribution != nil) && $0.reach >= 1 }.prefix(40)
        let walks = Dictionary(uniqueKeysWithValues: calibration.groups.map { ($0, 64) })
        var z: [Double] = []
        for (index, op) in operators.enumerated() {
            let exact = experiment.fixedLengthRows(op, rule: calibration.rule, spheres: [:], streams: SeededGenerator(seed: 1), walks: [:])
                .filter { $0.pathLength == calibration.length && $0.method == .exact }
            let estimated = experiment.monteCarloFixedLengthRows(
                op, rule: calibration.rule, streams: SeededGenerator(seed: 8, stream: UInt64(index)), lengths: [calibration.length],
                walks: walks).filter { calibration.groups.contains($0.group) }
            for row in estimated {
                let truth = exact.first { $0.group == row.group }!
                z.append((row.meanImprovability! - truth.meanImprovability!) / row.standardError!)
            }
        }
        let median = Descriptive.median(z), sd = Descriptive.standardDeviation(z)
        let robust = 1.4826 * Descriptive.median(z.map { abs($0) })
        let outside = Double(z.count { abs($0) > 2 }) / Double(z.count)
        let summary = "\(z.count) z: median \(median), SD \(sd), robust SD \(robust), |z| > 2 in \(outside)"
        #expect(z.count == operators.count * calibration.groups.count && z.count >= 60, "\(summary)")
        #expect(abs(median) < 0.3, "\(summary)")
        #expect(robust > 0.8 && robust < 1.25, "\(summary)")
        #expect(outside < 0.1, "\(summary)")
    }

    /// The pilot's budget grows with the target, stays within its bounds, and predicts at least the target
    /// wherever it is below the maximum.
    @Test func theBudgetFollowsThePrecisionTarget() {
        let operators = OperatorSet.generate(count: 80, seed: 2)
        func budget(_ target: Double) -> WalkBudget {
            var settings = Self.experiment.settings
            settings.monteCarloReliability = target
            settings.minimumWalks = 8
            settings.maximumWalks = 4_096
            return ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings).budgeted(for: operators).walkBudget!
        }
        let (low, high) = (budget(0.6), budget(0.95))
        for rule in Self.experiment.settings.acceptanceRules {
            for group in StartGroupID.hypothesisGroups {
                let (few, many) = (low.walks[rule.label]![group]!, high.walks[rule.label]![group]!)
                #expect(few >= 8 && many <= 4_096 && few % 2 == 0 && many % 2 == 0)
                #expect(many > few, "\(rule.label) \(group.rawValue): \(few) vs \(many) walks")
                if many < 4_096 { #expect(high.predictedReliability[rule.label]![group]! >= 0.95 - 1e-9) }
            }
        }
    }

    /// With a first cap of 4 steps most walks are censored; the cap doubles until at most 1% are, and the
    /// row names what it holds: the mean once nothing is censored, else the restricted mean at its cap.
    @Test func hittingTimesRaiseTheCapAndNameTheirEstimator() throws {
        let experiment = Self.experiment
        let threshold = experiment.thresholds[0]
        let below = experiment.fitnessOrderedMembers[1].prefix { Fixtures.fitness.values[$0] < threshold.value }
        let perEdge = Fixtures.op(.perEdge(0.2)), kEdit = Fixtures.op(.kEdit(1))
        let row = experiment.monteCarloHittingRow(perEdge, walker: MonteCarloWalker(operator: perEdge, rule: .metropolis(temperature: 0.5),
                                                                                   fitness: Fixtures.fitness),
                                                  group: .bottom10, below: below, threshold: threshold, streams: SeededGenerator(seed: 5))
        let cap = try #require(row.hittingTimeCap)
        #expect(cap > 4 && row.censoredFraction! <= 0.01 || cap == 4_096)
        #expect(row.hittingTimeEstimator == (row.censoredFraction == 0 ? .mean : .restrictedMean))
        #expect(row.medianHittingTime != nil && row.standardError != nil && row.starts == 32)
        // Improving from the bottom gets stuck below θ: censoring stays, and the row says so.
        var settings = experiment.settings
        settings.maximumHittingTimeCap = 8
        let capped = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
            .monteCarloHittingRow(kEdit, walker: MonteCarloWalker(operator: kEdit, rule: .improving, fitness: Fixtures.fitness),
                                  group: .bottom10, below: below, threshold: threshold, streams: SeededGenerator(seed: 5))
        #expect(capped.hittingTimeCap == 8 && capped.censoredFraction! > 0.01 && capped.hittingTimeEstimator == .restrictedMean)
    }

    /// Stratified estimates: weights, pair variance, weighted median and the Kaplan–Meier median.
    @Test func stratifiedEstimatesByHand() {
        let sample = StratifiedStarts(cells: Array(0..<4), fitness: [3, 2, 1, 0], strata: 2)
        #expect(sample.ordered == [3, 2, 1, 0] && sample.walks == 4)
        let (mean, error) = sample.meanAndStandardError([1, 3, 10, 14])
        #expect(mean == 0.5 * 2 + 0.5 * 12)
        #expect(abs(error - (0.25 * 4 / 4 + 0.25 * 16 / 4).squareRoot()) < 1e-15)
        #expect(sample.medianAndFractionPositive([-1, 3, 10, 14]) == (median: 3, fractionPositive: 0.75))
        #expect(sample.kaplanMeierMedian([2, 9, 5, 9], hit: [true, false, true, false]) == 5)
        #expect(sample.kaplanMeierMedian([2, 9, 9, 9], hit: [true, false, false, false]) == nil)
    }

    /// The alias-table samplers follow the operator's law: distance frequencies of per-edge against π,
    /// and op-kernel's proposals from one cell against the product kernel (chi-square, 5·10^5 draws).
    @Test(arguments: [SearchOperator.Kind.perEdge(0.35), .opKernel(p: 0.6, m: Fixtures.lopsidedKernel)])
    func proposalsFollowTheOperatorsLaw(kind: SearchOperator.Kind) {
        let op = Fixtures.op(kind), sampler = ProposalSampler(op), draws = 500_000, x = 4_321
        var counts: [Int: Int] = [:]
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<draws {
            let (y, d) = sampler.propose(from: x, using: &generator)
            #expect(Cell(code: x).distance(to: Cell(code: y)) == d)
            if let pi = op.distanceDistribution { _ = pi; counts[d, default: 0] += 1 } else { counts[y, default: 0] += 1 }
        }
        let expected: [Int: Double]
        if let pi = op.distanceDistribution {
            expected = Dictionary(uniqueKeysWithValues: pi.enumerated().map { ($0.offset, $0.element) })
        } else {
            let k = op.perEdgeKernel!, from = Cell(code: x).operations.map(\.rawValue)
            expected = Dictionary(uniqueKeysWithValues: (0..<Cell.count).map { y in
                (y, (0..<6).reduce(1.0) { $0 * k[from[$1] * 5 + Cell(code: y).operations[$1].rawValue] })
            })
        }
        // Cells of expected count ≥ 5 enter the statistic; the rest are pooled into one cell.
        var chiSquare = 0.0, cells = 0, pooledExpected = 0.0, pooledObserved = 0.0
        for (key, p) in expected {
            let e = p * Double(draws), o = Double(counts[key] ?? 0)
            if e >= 5 { chiSquare += (o - e) * (o - e) / e; cells += 1 } else { pooledExpected += e; pooledObserved += o }
        }
        if pooledExpected > 0 { chiSquare += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected; cells += 1 }
        // Mean cells − 1, SD √(2(cells − 1)): 5 SD above the mean would be a 1-in-10^6 event.
        let df = Double(cells - 1)
        #expect(chiSquare < df + 5 * (2 * df).squareRoot(), "chi-square \(chiSquare) on \(cells - 1) df")
    }
}
