import Analysis
import Benchmark

/// A small but complete analysis of the synthetic default, shared by the tests of this target.
enum SmallRun {
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.operatorCount = 24
        configuration.pathLengths = [1, 10]
        configuration.acceptanceRules = ["always", "improving"]
        configuration.bootstrapReplicates = 20
        configuration.landscapeWalks = 20
        configuration.landscapeWalkLength = 30
        configuration.monteCarlo.startsPerGroup = 8
        configuration.monteCarlo.walksPerStart = 1
        configuration.monteCarlo.hittingStartsPerGroup = 4
        configuration.monteCarlo.hittingWalksPerStart = 1
        configuration.monteCarlo.hittingTimeCap = 100
        return configuration
    }

    static let benchmark = SyntheticSource.make(seed: 0)

    static func run(threads: Int = 2, shard: Shard? = nil) -> AnalysisOutput {
        AnalysisRun(benchmark: benchmark, configuration: configuration, seed: 0, threads: threads, shard: shard,
                    version: "test", generatedAt: "2026-01-01T00:00:00Z").run()
    }

    static let output = run()
}
