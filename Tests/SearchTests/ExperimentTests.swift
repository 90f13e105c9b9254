import Foundation
import SearchSpace
import Statistics
import Testing
@testable import Search

struct ExperimentTests {
    /// Small budgets keep debug runs short; the structure is the default one.
    static let settings: SearchSettings = {
        var settings = SearchSettings.default
        settings.pathLengths = [1, 5]
        settings.minimumWalks = 16
        settings.maximumWalks = 32
        settings.hittingWalks = 8
        settings.hittingTimeCap = 50
        settings.maximumHittingTimeCap = 200
        settings.dynamicProgrammingMaxK = 1
        return settings
    }()

    static let operators: [SearchOperator] = {
        let generated = OperatorSet.generate(count: 12, seed: 3)
        return [generated[0], generated[6]] + generated[7...].filter { $0.family == .opKernel || $0.family == .perEdge }.prefix(3)
    }()

    @Test func threadCountDoesNotChangeRows() {
        var serial = ExperimentTests.settings
        serial.threads = 1
        var parallel = serial
        parallel.threads = 2
        let one = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: serial).rows(for: ExperimentTests.operators)
        let two = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: parallel).rows(for: ExperimentTests.operators)
        #expect(!one.isEmpty)
        #expect(one == two)
    }

    @Test func rowsCarryTheRightEngineAndExactZeros() throws {
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: ExperimentTests.settings)
        let rows = experiment.rows(for: ExperimentTests.operators)
        let byOperator = Dictionary(grouping: rows, by: \.operatorID)
        for op in ExperimentTests.operators {
            let opRows = try #require(byOperator[op.id])
            for row in opRows where row.experiment == .fixedLength && row.acceptance == .always {
                #expect(row.method == .exact)
                if row.group == .all && op.preservesUniform { #expect(row.meanImprovability == 0) }
            }
            let dependent = opRows.filter { $0.acceptance != .always && $0.experiment == .fixedLength }
            // Dynamic programming for k-edit(1) and uniform at every L, the one-step tables for every isotropic
            // operator at L = 1.
            for row in dependent {
                let exact = op.kind == .kEdit(1) || op.kind == .uniform || (op.distanceDistribution != nil && row.pathLength == 1)
                #expect(row.method == (exact ? .exact : .monteCarlo), "\(op.id) \(row.acceptance) L \(row.pathLength!)")
                #expect((row.standardError == nil) == (row.method == .exact))
            }
            for row in opRows where row.experiment == .fixedThreshold && row.acceptance == .always {
                #expect(row.method == .exact && row.censoredFraction == 0 && row.medianHittingTime != nil)
            }
        }
        // A non-doubly-stochastic op-kernel keeps a genuine non-zero mean over all starts.
        let lopsided = Fixtures.op(.opKernel(p: 0.5, m: Fixtures.lopsidedKernel))
        let lopsidedRows = experiment.rows(for: [lopsided])
        let all = try #require(lopsidedRows.first { $0.group == .all && $0.acceptance == .always && $0.pathLength == 5 })
        #expect(abs(all.meanImprovability!) > 1e-3)
        // Groups: deciles appear on exact rows; improving never has a negative mean.
        #expect(rows.contains { $0.group == .decile(10) })
        #expect(rows.filter { $0.acceptance == .improving }.allSatisfy { ($0.meanImprovability ?? 0) >= 0 })
        let thresholdRows = rows.filter { $0.experiment == .fixedThreshold }
        #expect(thresholdRows.contains { $0.thresholdLabel == "median" && $0.group == .bottom10 })
        #expect(!thresholdRows.contains { $0.thresholdLabel == "p90" && $0.group == .top10 })  // no start below θ
    }

    @Test func uniformHittingTimeMatchesMonteCarlo() {
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: ExperimentTests.settings)
        let p90 = experiment.thresholds[0]
        let exact = experiment.fixedThresholdRows(Fixtures.op(.uniform), rule: .always, streams: SeededGenerator(seed: 1))
            .first { $0.group == .bottom10 && $0.thresholdLabel == "p90" }!
        #expect(exact.method == .exact)
        // 1/q for q = 0.1 of cells at or above the 90th percentile (up to type-7 interpolation).
        #expect(abs(exact.meanHittingTime! - 10) < 0.01)
        let walker = MonteCarloWalker(operator: Fixtures.op(.uniform), rule: .always, fitness: Fixtures.fitness)
        var times: [Double] = []
        for w in 0..<4_000 {
            var generator = SeededGenerator(seed: 2, stream: UInt64(w))
            times.append(Double(walker.hittingTime(from: experiment.groups[1].members[w % 100], threshold: p90.value, cap: 10_000, using: &generator).steps))
        }
        let (mean, error) = Fixtures.meanAndStandardError(times)
        #expect(abs(mean - exact.meanHittingTime!) < 4 * error!)
    }

    @Test func groupsFollowTheRankingRules() {
        let groups = StartGroup.standard(for: Fixtures.fitness, deciles: true)
        #expect(groups.map(\.id).prefix(4) == [.top10, .bottom10, .all, .decile(1)])
        #expect(groups[0].members.count == 1_563 && groups[1].members.count == 1_563)
        #expect(groups[3...].reduce(0) { $0 + $1.members.count } == Cell.count)
        let f = Fixtures.fitness.values
        #expect(groups[0].members.map { f[$0] }.min()! >= groups[2].members.filter { !groups[0].members.contains($0) }.map { f[$0] }.max()!)
        // Ties go to the lower API index in both tails.
        let flat = FitnessFunction(values: [Double](repeating: 1, count: Cell.count), apiIndex: (0..<Cell.count).map { Int32(Cell.count - 1 - $0) })
        let flatGroups = StartGroup.standard(for: flat, deciles: false)
        #expect(flatGroups[0].members == Array(Cell.count - 1_563 ..< Cell.count))
        #expect(flatGroups[1].members == flatGroups[0].members)
    }

    @Test func settingsRoundTrip() throws {
        let data = try JSONEncoder().encode(SearchSettings.default)
        #expect(try JSONDecoder().decode(SearchSettings.self, from: data) == .default)
    }
}
