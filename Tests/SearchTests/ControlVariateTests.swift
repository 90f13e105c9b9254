import SearchSpace
import Statistics
import Testing
@testable import Search

struct ControlVariateTests {
    /// Σ_{t<L} g(X_t) against the exact dynamic programming of k-edit(1): unbiased, and far closer to the
    /// truth start by start than the raw f(X_L) − f(x) of the same walks.
    @Test(arguments: [AcceptanceRule.improving, .metropolis(temperature: 0.5)])
    func controlVariateIsUnbiasedAndSharper(rule: AcceptanceRule) {
        let fitness = Fixtures.fitness, f = fitness.values, length = 4
        let op = Fixtures.op(.kEdit(1)), pi = op.distanceDistribution!
        let tables = OneStepTables(fitness: fitness, rule: rule, threads: 2)
        let expectations = OneStepExpectations(change: tables.expectedChange(distanceDistribution: pi),
                                               moved: tables.expectedDistanceMoved(distanceDistribution: pi))
        let exact = AcceptanceDP(sphere: AcceptanceDP.sphereTable(distance: 1), distance: 1, rule: rule, fitness: fitness)
            .run(fitness: fitness, pathLengths: [length])[0]
        let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
        var controlledErrors: [Double] = [], rawErrors: [Double] = [], movedErrors: [Double] = []
        for start in stride(from: 11, to: Cell.count, by: 61) {
            let truth = exact.expected[start] - f[start]
            for w in 0..<4 {
                var generators = [SeededGenerator(seed: 31, stream: UInt64(start * 4 + w))], same = generators[0]
                let controlled = walker.walks(from: [start], generators: &generators, pathLengths: [length],
                                              recording: .conditioned(expectations))[0][0]
                let raw = walker.walk(from: start, pathLengths: [length], using: &same)[0]
                controlledErrors.append(controlled.change - truth)
                rawErrors.append(raw.fitness - f[start] - truth)
                movedErrors.append(controlled.moved - exact.moved[start])
            }
        }
        func meanAndError(_ values: [Double]) -> (Double, Double) {
            let n = Double(values.count), mean = values.reduce(0, +) / n
            return (mean, (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) / n).squareRoot())
        }
        let (bias, error) = meanAndError(controlledErrors)
        #expect(abs(bias) < 4 * error, "\(rule.label): mean error \(bias) ± \(error)")
        let (movedBias, movedError) = meanAndError(movedErrors)
        #expect(abs(movedBias) < 4 * movedError, "\(rule.label): moved error \(movedBias) ± \(movedError)")
        let controlledSquares = controlledErrors.reduce(0) { $0 + $1 * $1 }, rawSquares = rawErrors.reduce(0) { $0 + $1 * $1 }
        #expect(controlledSquares < rawSquares / 2, "\(rule.label): squared errors \(controlledSquares) vs raw \(rawSquares)")
    }

    @Test func controlledRowsKeepTheirStandardErrors() throws {
        var settings = ExperimentTests.settings
        settings.acceptanceRules = [.improving]
        settings.thresholdPercentiles = []
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        let rows = experiment.fixedLengthRows(Fixtures.op(.perEdge(0.3)), rule: .improving, spheres: [:], streams: SeededGenerator(seed: 2),
                                              walks: [.top10: 16, .bottom10: 16, .all: 16])
        let long = rows.filter { $0.pathLength == 5 }
        #expect(long.count == 3 && long.allSatisfy { $0.method == .monteCarlo && $0.standardError != nil })
        // Improving never loses fitness, and neither does g: every per-walk sum is ≥ 0.
        #expect(long.allSatisfy { $0.meanImprovability! >= 0 && $0.fractionImproved! > 0 })
    }

    /// Each step averaged over its acceptance draw, against the exact dynamic programming of k-edit(1) under
    /// Metropolis: unbiased for the change and the distance moved, the same walks as the raw outcome (the
    /// recording never changes the draws), and closer to the truth start by start from the top cells (at the
    /// lengths where it is not, the pilot keeps the outcome: `pilotChoosesTheSharperEstimator`).
    @Test(arguments: [1, 4])
    func acceptanceAveragingIsUnbiasedAndSharper(length: Int) {
        let fitness = Fixtures.fitness, f = fitness.values, rule = AcceptanceRule.metropolis(temperature: 0.5)
        let op = Fixtures.op(.kEdit(1))
        let exact = AcceptanceDP(sphere: AcceptanceDP.sphereTable(distance: 1), distance: 1, rule: rule, fitness: fitness)
            .run(fitness: fitness, pathLengths: [length])[0]
        let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
        // From the top 10%, where most proposals are worse and Metropolis' coin decides most steps.
        let top = (0..<Cell.count).sorted { f[$0] > f[$1] }.prefix(Cell.count / 10)
        let starts = top.enumerated().filter { $0.offset % 6 == 0 }.flatMap { [Int](repeating: $0.element, count: 4) }
        var averagedGenerators = starts.indices.map { SeededGenerator(seed: 37, stream: UInt64($0)) }, rawGenerators = averagedGenerators
        let averaged = walker.walks(from: starts, generators: &averagedGenerators, pathLengths: [length, 9],
                                    recording: .acceptanceAveraged(lengths: [length]))
        let raw = walker.walks(from: starts, generators: &rawGenerators, pathLengths: [length, 9], recording: .outcome)
        // Outside its lengths the recording is the outcome, of the same walk.
        #expect(zip(averaged, raw).allSatisfy { $0[1] == $1[1] })
        #expect(zip(averagedGenerators.indices, rawGenerators.indices).allSatisfy { averagedGenerators[$0].next() == rawGenerators[$1].next() })
        var errors: [Double] = [], rawErrors: [Double] = [], movedErrors: [Double] = []
        for (i, start) in starts.enumerated() {
            let truth = exact.expected[start] - f[start]
            errors.append(averaged[i][0].change - truth)
            rawErrors.append(raw[i][0].change - truth)
            movedErrors.append(averaged[i][0].moved - exact.moved[start])
        }
        func meanAndError(_ values: [Double]) -> (Double, Double) {
            let n = Double(values.count), mean = values.reduce(0, +) / n
            return (mean, (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) / n).squareRoot())
        }
        let (bias, error) = meanAndError(errors), (movedBias, movedError) = meanAndError(movedErrors)
        #expect(abs(bias) < 4 * error, "L \(length): mean error \(bias) ± \(error)")
        #expect(abs(movedBias) < 4 * movedError, "L \(length): moved error \(movedBias) ± \(movedError)")
        let squares = errors.reduce(0) { $0 + $1 * $1 }, rawSquares = rawErrors.reduce(0) { $0 + $1 * $1 }
        #expect(squares < 0.9 * rawSquares, "L \(length): squared errors \(squares) vs raw \(rawSquares)")
    }

    /// The pilot's choice of acceptance averaging: Metropolis only, within the path lengths, and the budget the
    /// same as with the outcome wherever it kept the outcome.
    @Test func pilotChoosesTheSharperEstimator() {
        var settings = ExperimentTests.settings
        settings.acceptanceRules = [.improving, .metropolis(temperature: 0.5)]
        settings.thresholdPercentiles = []
        settings.pathLengths = [1, 3, 30]
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        let operators = OperatorSet.generate(count: 120, seed: 4)
        let budget = WalkBudget(pilotOf: experiment, operators: operators)
        #expect(budget.averagedLengths["improving"] == nil)
        let chosen = budget.averagedLengths["metropolis(T=0.5)"] ?? [:]
        #expect(Set(chosen.keys) == Set(StartGroupID.hypothesisGroups))
        #expect(chosen.values.allSatisfy { $0.isSubset(of: [1, 3, 30]) })
        #expect(chosen.values.contains { !$0.isEmpty })
    }
}
