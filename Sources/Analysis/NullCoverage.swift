import Search

/// Which permutation null stands behind which primary tests, and how large each is, read off the tests
/// themselves: the key figure's caption, the findings and the Methods page all describe the nulls from
/// this one value, so none can name a count or an operator set that did not run.
public struct NullCoverage: Sendable, Equatable {
    /// One null: its permutations, and the operators each permutation is measured on.
    public struct Source: Sendable, Equatable {
        public let replicates: Int
        public let operators: Int
    }

    /// Always-accept at a fixed path length, top and bottom 10%: exact, over the isotropic operators.
    public let spectralGroups: Source?
    /// Always-accept at a fixed path length, all starts: exact, over every operator.
    public let spectralAllStarts: Source?
    /// Always-accept at a fixed threshold: walked by the reach-stratified subset.
    public let walkedAlways: Source?
    /// The fitness-dependent rules at every length and threshold: walked by the subset.
    public let walkedFitnessDependent: Source?

    public init(_ tests: [HypothesisTest]) {
        let withNull = tests.filter { $0.primary && $0.null != nil }
        func source(_ covers: (HypothesisTest) -> Bool) -> Source? {
            withNull.first(where: covers)?.null.map { Source(replicates: $0.replicates, operators: $0.operators) }
        }
        spectralGroups = source { !$0.hasWalkedNull && $0.group != .all }
        spectralAllStarts = source { !$0.hasWalkedNull && $0.group == .all }
        walkedAlways = source { $0.hasWalkedNull && $0.acceptance == .always }
        walkedFitnessDependent = source { $0.hasWalkedNull && $0.acceptance != .always }
    }
}

extension HypothesisTest {
    /// Whether the test's null is walked by the operator subset (`ExperimentNull`) rather than the
    /// exact spectral one (`PermutationNull`: always-accept at a fixed length).
    public var hasWalkedNull: Bool { ExperimentNull.covers(acceptance: acceptance, experiment: experiment) }
}
