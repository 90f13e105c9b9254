import Analysis
import Benchmark
import Figures

/// One small synthetic analysis shared by the tests: it takes a few seconds, so it runs once.
enum SmallOutput {
    static let configuration: Configuration = {
        var configuration = Configuration()
        configuration.operatorCount = 24
        configuration.pathLengths = [1, 10]
        configuration.acceptanceRules = ["always", "improving"]
        configuration.bootstrapReplicates = 20
        // Small Monte Carlo budgets: the figures need the shapes of the results, not their precision.
        configuration.monteCarlo.startsPerGroup = 8
        configuration.monteCarlo.walksPerStart = 1
        configuration.monteCarlo.hittingStartsPerGroup = 4
        configuration.monteCarlo.hittingWalksPerStart = 1
        configuration.monteCarlo.hittingTimeCap = 50
        configuration.monteCarlo.dynamicProgrammingMaxK = 0
        configuration.landscapeWalks = 20
        configuration.landscapeWalkLength = 30
        return configuration
    }()

    static let output = AnalysisRun(benchmark: SyntheticSource.make(seed: 0), configuration: configuration, seed: 0, threads: 2,
                                    version: "test", generatedAt: "2026-01-01T00:00:00Z").run()

    /// Every figure file of `output`, rendered once with two threads.
    static let files: [String: [UInt8]] = try! FigureSet.render(output, threads: 2, sourceDateEpoch: 0)
}
