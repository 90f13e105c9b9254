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
        return configuration
    }()

    static let output = AnalysisRun(benchmark: SyntheticSource.make(seed: 0), configuration: configuration, seed: 0, threads: 2,
                                    version: "test", generatedAt: "2026-01-01T00:00:00Z").run()

    /// Every figure file of `output`, rendered once with two threads.
    static let files: [String: [UInt8]] = try! FigureSet.render(output, threads: 2, sourceDateEpoch: 0)
}
