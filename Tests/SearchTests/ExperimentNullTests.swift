import SearchSpace
import Statistics
import Testing
@testable import Search

struct ExperimentNullTests {
    static let operators = OperatorSet.generate(count: 40, seed: 0)

    static let settings: SearchSettings = {
        var settings = SearchSettings.default
        settings.pathLengths = [1, 5]
        settings.thresholdPercentiles = [90]
        settings.acceptanceRules = [.always, .improving]
        settings.deciles = false
        return settings
    }()

    static func null(_ fitness: FitnessFunction, seed: UInt64 = 1, threads: Int = 2, replicates: Int = 20) -> ExperimentNull {
        ExperimentNull(fitness: fitness, operators: operators, subsetSize: 12, settings: settings, replicates: replicates,
                       seed: seed, threads: threads)
    }

    /// The keys whose observed tau lies beyond every replicate in the hypothesised direction (p = 1/21 < 0.05).
    static func beyond(_ null: ExperimentNull) -> [ExperimentNull.Key] {
        null.distributions.filter { distribution in
            // The hypotheses' direction: lower improvability on top10 and all, higher on bottom10; a hitting time reverses it.
            let negative = (distribution.key.group != .bottom10) == (distribution.key.pathLength != nil)
            return NullComparison(observed: distribution.observedTau, null: distribution.taus, negative: negative)!.pOneSided < 0.05
        }.map(\.key)
    }

    @Test func aLocalLandscapeIsBeyondItsNullAndAPermutedOneIsNot() {
        let local = Self.null(PermutationNullTests.additive)
        // Every fitness-dependent fixed length and every threshold, for every group; `always` at fixed length is the spectral null's.
        #expect(local.distributions.count == 2 * 3 + 3 + 3)
        #expect(!local.distributions.contains { $0.key.acceptance == .always && $0.key.pathLength != nil })
        #expect(local.distributions.allSatisfy { $0.taus.count == 20 })
        // Under improving, from the top 10% a small step finds the additive landscape's nearby gains, which
        // a permuted landscape does not have: locality, not regression to the mean.
        let top = local.distribution(ExperimentNull.Key(acceptance: .improving, pathLength: 1, thresholdLabel: nil, group: .top10))!
        #expect(top.taus.allSatisfy { $0 > top.observedTau })
        let beyondLocal = Self.beyond(local)
        // At fixed length the steps that find nearby gains (top 10%) and escape nearby losses (bottom 10%) are small.
        for (length, group) in [(1, StartGroupID.top10), (1, .bottom10), (5, .top10)] {
            #expect(beyondLocal.contains(ExperimentNull.Key(acceptance: .improving, pathLength: length, thresholdLabel: nil, group: group)))
        }
        #expect(beyondLocal.count >= 4)

        var generator = SeededGenerator(seed: 11)
        var values = PermutationNullTests.additive.values
        for i in stride(from: values.count - 1, to: 0, by: -1) { values.swapAt(i, generator.nextInt(below: i + 1)) }
        let permuted = Self.null(FitnessFunction(values: values, apiIndex: PermutationNullTests.additive.apiIndex))
        // A permuted landscape is exchangeable with the replicates: each key is beyond with probability 1/21.
        #expect(Self.beyond(permuted).count <= 2)
        #expect(!Self.beyond(permuted).contains(top.key))
    }

    @Test func alwaysAtAFixedThresholdTakesItsOwnReplicatesAndTheFirstOnesStayTheSame() {
        let fitness = PermutationNullTests.additive
        let base = ExperimentNull(fitness: fitness, operators: Self.operators, subsetSize: 12, settings: Self.settings, replicates: 4,
                                  seed: 1, threads: 2)
        let more = ExperimentNull(fitness: fitness, operators: Self.operators, subsetSize: 12, settings: Self.settings, replicates: 4,
                                  alwaysReplicates: 9, seed: 1, threads: 2)
        #expect(more.replicates(for: .always) == 9 && more.replicates(for: .improving) == 4)
        #expect(more.distributions.contains { $0.key.acceptance == .always })
        for distribution in more.distributions {
            let before = base.distribution(distribution.key)!
            #expect(distribution.taus.count == (distribution.key.acceptance == .always ? 9 : 4), "\(distribution.key)")
            #expect(Array(distribution.taus.prefix(4)) == before.taus && distribution.observedTau == before.observedTau, "\(distribution.key)")
        }
    }

    @Test func theNullDoesNotDependOnThreadsAndChangesWithTheSeed() {
        let fitness = PermutationNullTests.additive
        let a = Self.null(fitness, threads: 1, replicates: 3), b = Self.null(fitness, threads: 2, replicates: 3)
        #expect(a == b)
        #expect(a != Self.null(fitness, seed: 2, replicates: 3))
    }

    @Test func theSubsetTakesOneOperatorPerReachStratum() {
        let positions = ExperimentNull.subset(of: Self.operators, count: 8, seed: 3)
        #expect(positions == positions.sorted() && Set(positions).count == 8)
        let byReach = Self.operators.indices.sorted { (Self.operators[$0].reach, $0) < (Self.operators[$1].reach, $1) }
        for (stratum, position) in positions.sorted(by: { byReach.firstIndex(of: $0)! < byReach.firstIndex(of: $1)! }).enumerated() {
            #expect(byReach[stratum * 5 ..< stratum * 5 + 5].contains(position))
        }
        #expect(ExperimentNull.subset(of: Self.operators, count: 8, seed: 3) == positions)
        #expect(ExperimentNull.subset(of: Self.operators, count: 50, seed: 3) == Array(Self.operators.indices))
    }
}
