import Benchmark
import Foundation
import SearchSpace
import Testing
import Landscape

/// Known values on the real NATS-Bench data (science.md); skipped when NASREACH_DATA is unset.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_DATA"] != nil,
                "skipped: set NASREACH_DATA to the benchmark CSV to run the real-data checks"))
struct RealDataTests {
    static let expected: [(column: String, maximum: Double, localMaxima: Int)] = [
        ("CIFAR10TestAccuracy200Epochs", 94.3733, 17),
        ("CIFAR100TestAccuracy200Epochs", 73.5133, 24),
        ("ImageNetTestAccuracy200Epochs", 47.3111, 36),
    ]

    func fitnesses() throws -> (Benchmark, [FitnessFunction]) {
        let benchmark = try CSVSource.load(path: ProcessInfo.processInfo.environment["NASREACH_DATA"]!)
        let fitnesses = try RealDataTests.expected.map { expected in
            let metric = try #require(benchmark.metrics.first { $0.column == expected.column })
            return benchmark.fitness(metric)
        }
        return (benchmark, fitnesses)
    }

    @Test func globalMaximaAndLocalMaximaCounts() throws {
        let (_, fitnesses) = try fitnesses()
        let neighbours = NeighbourTable()
        for (fitness, expected) in zip(fitnesses, RealDataTests.expected) {
            #expect(abs(fitness.values[fitness.globalMaximum] - expected.maximum) < 1e-4, "\(expected.column)")
            #expect(LocalMaxima.codes(of: fitness, neighbours: neighbours).count == expected.localMaxima, "\(expected.column)")
        }
    }

    // Prints the wall time; run in release (swift test -c release) for a meaningful number.
    @Test func fullAnalysisOfThreeMetrics() throws {
        let (benchmark, fitnesses) = try fitnesses()
        let clock = ContinuousClock()
        let start = clock.now
        let analyses = LandscapeAnalysis.analyze(fitnesses, isomorphismClasses: benchmark.isomorphismClassesByCode)
        print("landscape analysis of 3 metrics:", clock.now - start)
        let summaries = analyses.map(\.summary)
        #expect(summaries.map(\.numLocalMaxima) == RealDataTests.expected.map(\.localMaxima))
    }
}
