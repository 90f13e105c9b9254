import SearchSpace
import Statistics
import Testing
@testable import Search

struct ExactRowsTests {
    /// Shards and progress chunks call `rows(for:in:)` on slices: the exact engines (reference solutions,
    /// one-step tables) are built per experiment, never per slice, so any slicing gives the same rows.
    @Test func slicingDoesNotChangeRows() {
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: ExperimentTests.settings)
        let operators = ExperimentTests.operators
        let whole = experiment.rows(for: operators)
        let sliced = experiment.rows(for: operators, in: 0..<2) + experiment.rows(for: operators, in: 2..<operators.count)
        #expect(!whole.isEmpty)
        #expect(sliced == whole)
    }

    /// What bench times: the fixed-length rows of `rows(for:)`, the same rows in the same order.
    @Test func fixedLengthRowsAreThoseOfTheFullRun() {
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: ExperimentTests.settings)
        let operators = ExperimentTests.operators
        let fixedLength = experiment.fixedLengthRows(for: operators)
        #expect(!fixedLength.isEmpty)
        #expect(fixedLength == experiment.rows(for: operators).filter { $0.experiment == .fixedLength })
    }

    /// The uniform operator's rows: geometric hitting times, and an L = 1 `improving` step that accepts
    /// exactly the cells above f(x), so its mean from x is (1/N) Σ_y (f(y) − f(x))₊.
    @Test func uniformRowsHaveClosedForms() throws {
        var settings = ExperimentTests.settings
        settings.acceptanceRules = [.always, .improving]
        let experiment = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings)
        let rows = experiment.rows(for: [Fixtures.op(.uniform)])
        let f = Fixtures.fitness.values
        let bottom = try #require(rows.first { $0.acceptance == .improving && $0.pathLength == 1 && $0.group == .bottom10 })
        let members = experiment.groups[1].members
        let expected = members.reduce(0.0) { sum, x in sum + f.reduce(0.0) { $0 + max($1 - f[x], 0) } / Double(Cell.count) }
            / Double(members.count)
        #expect(bottom.method == .exact && abs(bottom.meanImprovability! - expected) < 1e-9)
        for row in rows where row.experiment == .fixedThreshold && row.acceptance == .always {
            let theta = try #require(row.threshold)
            let q = Double(f.filter { $0 >= theta }.count) / Double(Cell.count)
            #expect(row.method == .exact && abs(row.meanHittingTime! - 1 / q) < 1e-9 * (1 / q))
            #expect(abs(row.medianHittingTime! - 1 / q) < 1e-9 * (1 / q))
        }
    }
}
