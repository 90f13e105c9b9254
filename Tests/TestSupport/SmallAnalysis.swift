import Analysis
import Benchmark
import Search

/// One small but complete analysis configuration shared by the test targets (Analysis, Figures,
/// Report, CLI), so that their fixtures are the same run and stay in step with the pipeline.
public enum SmallAnalysis {
    public static let configuration: Configuration = {
        var configuration = Configuration()
        configuration.operatorCount = 24
        configuration.pathLengths = [1, 10]
        configuration.acceptanceRules = [.always, .improving]
        configuration.bootstrapReplicates = 20
        configuration.nullReplicates = 20
        configuration.landscapeWalks = 20
        configuration.landscapeWalkLength = 30
        configuration.monteCarlo.minimumWalks = 8
        configuration.monteCarlo.maximumWalks = 16
        configuration.monteCarlo.hittingWalks = 8
        configuration.monteCarlo.hittingTimeCap = 100
        configuration.monteCarlo.maximumHittingTimeCap = 400
        configuration.searchAlgorithms.runs = 20
        configuration.searchAlgorithms.budget = 60
        return configuration
    }()

    /// The configuration as the JSON a user would pass with `--config`.
    public static var configurationJSON: [UInt8] { try! AnalysisOutput.encode(configuration) }

    public static func run(_ benchmark: Benchmark = synthetic, threads: Int = 2, shard: Shard? = nil) -> AnalysisOutput {
        AnalysisRun(benchmark: benchmark, configuration: configuration, seed: 0, threads: threads, shard: shard,
                    version: "test", generatedAt: "2026-01-01T00:00:00Z").run()
    }

    public static let synthetic = SyntheticSource.make(seed: 0)

    /// The small analysis of the synthetic default, computed once.
    public static let output = run()
}
