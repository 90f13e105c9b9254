import SearchSpace
import Statistics
import Support

/// The permutation null of the fixed-length experiment under `always` acceptance (science.md, "Null
/// landscapes"): the metric's values permuted uniformly over the cells (seeded), `top10` and `bottom10`
/// re-derived from the permuted values, the same operators and the same test (Kendall's tau-b of reach
/// against the group's mean improvability).
///
/// A replicate costs one Fourier decomposition: for an isotropic operator the group mean is
/// Σ_j w_j · mean_group(f_j) with weights that do not depend on the landscape, so only the seven
/// order means change. `op-kernel` operators have no such shortcut on `top10` and `bottom10` (a replicate
/// would need a 6-axis transform per operator, length and group), so there the null is taken over the
/// isotropic operators and the observed tau it is compared with (`observedTau`) is computed over the same
/// operators. On `all` every operator has a landscape-free linear form (`AllCellsMean`): isotropic and
/// other doubly stochastic operators are exactly 0 on every landscape, the others carry tau, and the null
/// is over every operator, as the test is.
public struct PermutationNull: Sendable, Equatable, Codable {
    struct Key: Hashable, Sendable {
        var pathLength: Int
        var group: StartGroupID
    }

    public struct Distribution: Sendable, Equatable, Codable {
        public var pathLength: Int
        public var group: StartGroupID
        /// How many operators each replicate's test has: the isotropic ones on `top10` and `bottom10`, all on `all`.
        public var operators: Int
        /// Tau of the real landscape over the operators of the null.
        public var observedTau: Double
        /// The defined taus of the replicates, in replicate order.
        public var taus: [Double]
    }

    public let replicates: Int
    /// In (path length, group) order.
    public let distributions: [Distribution]

    public func distribution(pathLength: Int, group: StartGroupID) -> Distribution? {
        distributions.first { $0.pathLength == pathLength && $0.group == group }
    }

    public static let groups: [StartGroupID] = [.top10, .bottom10, .all]

    /// `seed` keys the permutations: replicate r draws from stream r, whatever the thread count.
    public init(fitness: FitnessFunction, operators all: [SearchOperator], pathLengths: [Int], replicates: Int,
                seed: UInt64, threads: Int = 1) {
        let isotropic = all.compactMap { op in op.eigenvalues.map { (reach: op.reach, eigenvalues: $0) } }
        let lengths = Array(Set(pathLengths)).sorted()
        let reach = isotropic.map(\.reach), allReach = all.map(\.reach)
        let allCells = AllCellsMean(operators: all, lengths: lengths)
        // weights[l][o]: the landscape-free weights w_j of operator o at length l.
        let weights = lengths.map { length in
            isotropic.map { SpectralEngine.improvabilityWeights(eigenvalues: $0.eigenvalues, pathLength: length) }
        }
        @Sendable func taus(_ values: [Double]) -> [Key: Double] {
            let function = FitnessFunction(values: values, apiIndex: fitness.apiIndex)
            let orders = FourierOrders(values)
            let groups = StartGroup.standard(for: function, deciles: false)
            var result: [Key: Double] = [:]
            let sums = allCells.classSums(values)
            for l in lengths.indices {
                result[Key(pathLength: lengths[l], group: .all)] = Correlation.kendallTauB(allReach, allCells.means(classSums: sums, length: l)).tau
            }
            for id in PermutationNull.groups where id != .all {
                guard let members = groups.first(where: { $0.id == id })?.members else { continue }
                let means = PermutationNull.orderMeans(orders, over: members)
                for (l, length) in lengths.enumerated() {
                    let y = weights[l].map { SpectralEngine.groupMean(weights: $0, orderMeans: means) }
                    result[Key(pathLength: length, group: id)] = Correlation.kendallTauB(reach, y).tau
                }
            }
            return result
        }
        let observed = taus(fitness.values)
        let root = SeededGenerator(seed: seed, stream: 0x9E2A_0000)
        let values = fitness.values
        let replicateTaus = Parallel.map(count: replicates, threads: threads) { r -> [Key: Double] in
            var generator = root.stream(UInt64(r))
            var permuted = values
            for i in stride(from: permuted.count - 1, to: 0, by: -1) { permuted.swapAt(i, generator.nextInt(below: i + 1)) }
            return taus(permuted)
        }
        var distributions: [Distribution] = []
        for length in lengths {
            for group in PermutationNull.groups {
                let key = Key(pathLength: length, group: group)
                guard let tau = observed[key] else { continue }
                distributions.append(Distribution(pathLength: length, group: group, operators: group == .all ? all.count : isotropic.count,
                                                  observedTau: tau,
                                                  taus: replicateTaus.compactMap { $0[key] }.filter { !$0.isNaN }))
            }
        }
        self.replicates = replicates
        self.distributions = distributions
    }

    static func orderMeans(_ orders: FourierOrders, over members: [Int]) -> [Double] {
        orders.components.map { component in members.reduce(0.0) { $0 + component[$1] } / Double(members.count) }
    }

    /// Share of the variance of f carried by each Fourier order j ≥ 1 (order 0 is the constant).
    public static func energyShares(_ values: [Double]) -> [Double] {
        let orders = FourierOrders(values)
        let energy = orders.components.map { $0.reduce(0) { $0 + $1 * $1 } }
        let total = energy.dropFirst().reduce(0, +)
        return energy.enumerated().map { j, e in j == 0 || total == 0 ? 0 : e / total }
    }
}

/// The summary of a null distribution against an observed statistic.
public struct NullComparison: Sendable, Equatable {
    public var replicates: Int
    public var meanTau: Double
    public var sdTau: Double
    /// Empirical two-sided p-value with the +1 correction: twice the smaller tail, at most 1.
    public var pValue: Double
    /// Empirical one-sided p-value in the hypothesised direction, with the +1 correction.
    public var pOneSided: Double

    /// Nil when no replicate has a defined tau.
    public init?(observed: Double, null taus: [Double], negative: Bool) {
        let defined = taus.filter { !$0.isNaN }
        guard !defined.isEmpty, !observed.isNaN else { return nil }
        let k = Double(defined.count)
        let mean = defined.reduce(0, +) / k
        let variance = defined.count > 1 ? defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (k - 1) : 0
        let below = Double(defined.count { $0 <= observed }), above = Double(defined.count { $0 >= observed })
        replicates = defined.count
        meanTau = mean
        sdTau = variance.squareRoot()
        pValue = min(1, 2 * min(below + 1, above + 1) / (k + 1))
        pOneSided = ((negative ? below : above) + 1) / (k + 1)
    }
}
