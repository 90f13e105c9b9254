import Testing
@testable import Analysis

@Suite struct CostEstimateTests {
    static let machine = CostEstimate.Machine(cores: 2, physicalMemory: 8e9)

    @Test func theDefaultsAreAccepted() {
        let estimate = CostEstimate(configuration: Configuration(), metrics: 3, threads: 2, machine: Self.machine)
        #expect(estimate.refusal(configuration: Configuration(), metrics: 3) == nil)
        #expect(estimate.seconds > 5 && estimate.seconds < 3_600)
        #expect(estimate.bytes < 2e9)
    }

    @Test func aHundredMillionOperatorsAreRefusedForMemory() throws {
        var configuration = Configuration()
        configuration.operatorCount = 100_000_000
        let estimate = CostEstimate(configuration: configuration, metrics: 3, threads: 2, machine: Self.machine)
        #expect(estimate.bytes > Self.machine.physicalMemory)
        let refusal = try #require(estimate.refusal(configuration: configuration, metrics: 3))
        #expect(refusal.contains("memory") && refusal.contains("'operatorCount'"), "\(refusal)")
    }

    @Test func aPathOfABillionStepsIsRefusedForTime() throws {
        var configuration = Configuration()
        configuration.pathLengths = [1_000_000_000]
        let estimate = CostEstimate(configuration: configuration, metrics: 3, threads: 2, machine: Self.machine)
        #expect(estimate.seconds > CostEstimate.maximumSeconds)
        let refusal = try #require(estimate.refusal(configuration: configuration, metrics: 3))
        #expect(refusal.contains("'pathLengths'") && refusal.contains("--force"), "\(refusal)")
    }

    /// The sphere-sum chain's steps count: with few operators, a long exact chain is what takes the time.
    @Test func aLongExactChainCountsInTheEstimate() {
        var configuration = Configuration()
        configuration.pathLengths = [1, 2, 5_000_000]
        configuration.operatorCount = 3
        let monteCarloOnly = CostEstimate(configuration: configuration, metrics: 3, threads: 2, machine: Self.machine)
        configuration.monteCarlo.exactChainMaxLength = 5_000_000
        let chained = CostEstimate(configuration: configuration, metrics: 3, threads: 2, machine: Self.machine)
        #expect(monteCarloOnly.seconds < CostEstimate.maximumSeconds)
        #expect(chained.seconds > 10 * monteCarloOnly.seconds && chained.refusal(configuration: configuration, metrics: 3) != nil)
    }

    @Test func theEstimateGrowsWithEverySetting() {
        let base = CostEstimate(configuration: Configuration(), metrics: 3, threads: 2, machine: Self.machine)
        var more = Configuration()
        more.monteCarlo.hittingTimeCap *= 10
        #expect(CostEstimate(configuration: more, metrics: 3, threads: 2, machine: Self.machine).seconds > base.seconds)
        more = Configuration()
        more.monteCarlo.reliability = 0.97
        #expect(CostEstimate(configuration: more, metrics: 3, threads: 2, machine: Self.machine).seconds > base.seconds)
        more = Configuration()
        more.monteCarlo.exactChainMaxLength = 100
        #expect(CostEstimate(configuration: more, metrics: 3, threads: 2, machine: Self.machine).seconds > base.seconds)
        more = Configuration()
        more.bootstrapReplicates *= 10
        #expect(CostEstimate(configuration: more, metrics: 3, threads: 2, machine: Self.machine).seconds > base.seconds)
        // More threads than cores do not make a run faster.
        #expect(CostEstimate(configuration: Configuration(), metrics: 3, threads: 64, machine: Self.machine).seconds == base.seconds)
        #expect(CostEstimate.durationText(3 * 86_400) == "3 days" && CostEstimate.bytesText(2.5e9) == "2.5 GB")
    }
}
