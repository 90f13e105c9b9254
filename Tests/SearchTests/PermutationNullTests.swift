import SearchSpace
import Statistics
import Testing
@testable import Search

struct PermutationNullTests {
    /// f = Σ_e a_e(op_e): all of its variance is in Fourier order 1.
    static let additive: FitnessFunction = {
        var generator = SeededGenerator(seed: 7)
        let effects = (0..<30).map { _ in generator.nextGaussian() }
        return FitnessFunction(valuesByCode: (0..<Cell.count).map { x in
            Cell(code: x).operations.map(\.rawValue).enumerated().reduce(70.0) { $0 + effects[$1.offset * 5 + $1.element] }
        })
    }()

    static let operators = OperatorSet.generate(count: 40, seed: 0)

    @Test func aPermutationDestroysTheOrderOneEnergyOfAnAdditiveLandscape() {
        let shares = PermutationNull.energyShares(Self.additive.values)
        #expect(abs(shares[1] - 1) < 1e-9)
        var generator = SeededGenerator(seed: 3)
        var permuted = Self.additive.values
        for i in stride(from: permuted.count - 1, to: 0, by: -1) { permuted.swapAt(i, generator.nextInt(below: i + 1)) }
        let after = PermutationNull.energyShares(permuted)
        // A random function spreads its energy by dimension: order 1 has 6·4 of the 15 624 non-constant directions.
        #expect(after[1] < 10 * 24.0 / 15_624)
        #expect(abs(after.reduce(0, +) - 1) < 1e-9)
    }

    @Test func theNullOfH1IsRegressionToTheMeanAndTheAdditiveLandscapeGoesBeyondIt() {
        let null = PermutationNull(fitness: Self.additive, operators: Self.operators, pathLengths: [1, 10], replicates: 30, seed: 1, threads: 2)
        let top = null.distribution(pathLength: 1, group: .top10)!
        let bottom = null.distribution(pathLength: 1, group: .bottom10)!
        #expect(top.operators == Self.operators.filter { $0.eigenvalues != nil }.count)
        #expect(top.operators < Self.operators.count)  // op-kernel operators are left out
        #expect(top.taus.count == 30 && bottom.taus.count == 30)
        // Regression to the mean: even with no locality, far jumps lose more from the top.
        let topMean = top.taus.reduce(0, +) / 30, bottomMean = bottom.taus.reduce(0, +) / 30
        #expect(topMean < 0 && bottomMean > 0)
        // Additive: improvability from the top is (λ₁ − 1)·mean_top(f₁) and λ₁ = 1 − 5·reach/24, so tau = −1.
        #expect(top.observedTau < -0.999)
        #expect(top.taus.allSatisfy { $0 > top.observedTau })
        let comparison = NullComparison(observed: top.observedTau, null: top.taus, negative: true)!
        #expect(comparison.pOneSided == 1.0 / 31)
        #expect(comparison.pValue == 2.0 / 31)
    }

    /// The linear form ((Pᴸ)ᵀ1 − 1)ᵀ f /(N·L) by composition class is the mean the product engine gives cell by cell.
    @Test func theWeightVectorMeanIsTheExperimentsRowOverAllStarts() {
        let kinds: [SearchOperator.Kind] = [.opKernel(p: 0.6, m: Fixtures.lopsidedKernel), .opKernel(p: 1, m: Fixtures.lopsidedKernel),
                                            .kEdit(2), .perEdge(0.3)]
        let ops = kinds.enumerated().map { try! SearchOperator(id: "op\($0.offset)", kind: $0.element) }
        var settings = SearchSettings.default
        (settings.pathLengths, settings.acceptanceRules, settings.thresholdPercentiles, settings.deciles) = ([1, 3, 20], [.always], [], false)
        let rows = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings).rows(for: ops).filter { $0.group == .all }
        let form = AllCellsMean(operators: ops, lengths: [1, 3, 20])
        #expect(form.classCount == 210)
        let sums = form.classSums(Fixtures.fitness.values)
        for (l, length) in [1, 3, 20].enumerated() {
            let means = form.means(classSums: sums, length: l)
            for (o, op) in ops.enumerated() {
                let exact = rows.first { $0.pathLength == length && $0.operatorID == op.id }!.meanImprovability!
                #expect(abs(means[o] - exact) <= 1e-12 * Fixtures.maxAbs)
            }
            // Not a comparison of zeros: the lopsided kernels move the mean; the doubly stochastic operators are exactly 0.
            #expect(abs(means[0]) > 1e-6 && abs(means[1]) > 1e-6 && means[2] == 0 && means[3] == 0)
        }
    }

    /// The `all` null's observed tau is the experiment's test over every operator, and its replicates
    /// vary: the non-doubly-stochastic op-kernel operators carry tau on permuted landscapes too.
    @Test func theNullOverAllStartsIsTheTestOverEveryOperator() {
        var settings = SearchSettings.default
        (settings.pathLengths, settings.acceptanceRules, settings.thresholdPercentiles, settings.deciles) = ([1, 5], [.always], [], false)
        let rows = ImprovabilityExperiment(fitness: Fixtures.fitness, settings: settings).rows(for: Self.operators)
        let null = PermutationNull(fitness: Fixtures.fitness, operators: Self.operators, pathLengths: [1, 5], replicates: 20, seed: 1, threads: 2)
        for length in [1, 5] {
            let all = rows.filter { $0.pathLength == length && $0.group == .all }
            #expect(all.count == Self.operators.count)
            let tau = Correlation.kendallTauB(all.map(\.reach), all.map { $0.meanImprovability! }).tau
            let distribution = null.distribution(pathLength: length, group: .all)!
            #expect(distribution.operators == Self.operators.count)
            #expect(distribution.observedTau == tau)
            #expect(distribution.taus.count == 20 && Set(distribution.taus).count > 1)
        }
    }

    @Test func theNullDoesNotDependOnThreadsAndChangesWithTheSeed() {
        let a = PermutationNull(fitness: Self.additive, operators: Self.operators, pathLengths: [2], replicates: 6, seed: 1, threads: 1)
        let b = PermutationNull(fitness: Self.additive, operators: Self.operators, pathLengths: [2], replicates: 6, seed: 1, threads: 2)
        let c = PermutationNull(fitness: Self.additive, operators: Self.operators, pathLengths: [2], replicates: 6, seed: 2, threads: 2)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func empiricalPValuesCountTiesAndUseThePlusOneCorrection() {
        let null = [-0.5, -0.2, 0.0, 0.1, 0.3]
        let c = NullComparison(observed: 0.1, null: null, negative: false)!
        #expect(c.replicates == 5)
        #expect(c.pOneSided == 3.0 / 6)  // 0.1 and 0.3 are ≥ 0.1
        #expect(c.pValue == 1)  // 2·min(5, 3)/6 = 1
        #expect(abs(c.meanTau - (-0.06)) < 1e-12)
        let low = NullComparison(observed: -0.9, null: null, negative: true)!
        #expect(low.pOneSided == 1.0 / 6 && low.pValue == 2.0 / 6)
        #expect(NullComparison(observed: 0, null: [.nan], negative: true) == nil)
    }
}

struct SpectralDecompositionTests {
    @Test func theContributionsSumToTheGroupMeanOfTheExactEngine() {
        let fitness = Fixtures.fitness
        let operators = OperatorSet.generate(count: 30, seed: 4)
        let parts = SpectralDecomposition.decompose(fitness: fitness, operators: operators, pathLengths: [1, 5])
        #expect(parts.count == 2 * 2 * 8)
        let engine = SpectralEngine(fitness: fitness)
        let groups = StartGroup.standard(for: fitness, deciles: false)
        for part in parts {
            #expect(part.contributions.count == 6)
            #expect(abs(part.contributions.reduce(0, +) - part.meanImprovability) <= 1e-12 * Fixtures.maxAbs)
            let members = groups.first { $0.id == part.group }!.members
            let isotropic = operators.filter { $0.eigenvalues != nil }
            let chosen: [SearchOperator] = part.operatorLabel == "isotropic-mean" ? isotropic
                : part.operatorLabel == "uniform" ? [Fixtures.op(.uniform)]
                : [Fixtures.op(.kEdit(Int(String(part.operatorLabel.dropFirst(7).dropLast()))!))]
            // The mean improvability the engine computes cell by cell, averaged over the group.
            let direct = chosen.map { op in
                let values = engine.improvability(eigenvalues: op.eigenvalues!, pathLength: part.pathLength)
                return members.reduce(0) { $0 + values[$1] } / Double(members.count)
            }.reduce(0, +) / Double(chosen.count)
            #expect(abs(direct - part.meanImprovability) <= 1e-9 * Fixtures.maxAbs)
        }
    }

    @Test func anAdditiveLandscapeIsCarriedByOrderOne() {
        let parts = SpectralDecomposition.decompose(fitness: PermutationNullTests.additive, operators: [], pathLengths: [1])
        for part in parts {
            #expect(part.carryingOrders == [1])
            #expect(part.contributions.dropFirst().allSatisfy { abs($0) < 1e-9 })
        }
    }
}
