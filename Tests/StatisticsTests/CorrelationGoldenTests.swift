import Testing
@testable import Statistics

@Suite struct CorrelationGoldenTests {
    @Test(arguments: Golden.shared.kendall.map(\.label))
    func kendallMatchesScipy(label: String) throws {
        let golden = try #require(Golden.shared.kendall.first { $0.label == label })
        let result = Correlation.kendallTauB(golden.x, golden.y)
        #expect(result.n == golden.x.count)
        #expect(agrees(result.tau, golden.tau, absolute: 1e-12), "tau \(result.tau) vs \(String(describing: golden.tau))")
        #expect(agrees(result.pValue, golden.p, relative: 1e-9), "p \(result.pValue) vs \(String(describing: golden.p))")
        #expect(agrees(result.pLess, golden.pLess, relative: 1e-9), "pLess \(result.pLess) vs \(String(describing: golden.pLess))")
        #expect(agrees(result.pGreater, golden.pGreater, relative: 1e-9),
                "pGreater \(result.pGreater) vs \(String(describing: golden.pGreater))")
    }

    @Test(arguments: Golden.shared.correlations.map(\.label))
    func pearsonAndSpearmanMatchScipy(label: String) throws {
        let golden = try #require(Golden.shared.correlations.first { $0.label == label })
        let pearson = Correlation.pearson(golden.x, golden.y)
        let spearman = Correlation.spearman(golden.x, golden.y)
        #expect(agrees(pearson.statistic, golden.pearson, absolute: 1e-12))
        #expect(agrees(pearson.pValue, golden.pearsonP, relative: 1e-9),
                "pearson p \(pearson.pValue) vs \(String(describing: golden.pearsonP))")
        #expect(agrees(spearman.statistic, golden.spearman, absolute: 1e-12))
        if let rho = golden.spearman, abs(rho) > 1 - 1e-15, golden.x.count > 2 {
            // A perfectly monotone sample: scipy's rho misses ±1 by an ulp and its p-value is rounding
            // noise (e.g. 6.6e-64 at n = 10); ranks are exact here, so rho = ±1 and p = 0.
            #expect(abs(spearman.statistic) == 1 && spearman.pValue == 0)
        } else {
            #expect(agrees(spearman.pValue, golden.spearmanP, relative: 1e-9),
                    "spearman p \(spearman.pValue) vs \(String(describing: golden.spearmanP))")
        }
    }

    @Test func undefinedInputsGiveNaN() {
        let constant = Correlation.kendallTauB([1, 1, 1], [1, 2, 3])
        #expect(constant.tau.isNaN && constant.pValue.isNaN && constant.pLess.isNaN && constant.pGreater.isNaN)
        #expect(Correlation.kendallTauB([1], [2]).tau.isNaN)
        #expect(Correlation.kendallTauB([], []).tau.isNaN)
        #expect(Correlation.kendallTauB([1, .nan, 3], [1, 2, 3]).pValue.isNaN)
        #expect(Correlation.pearson([2, 2, 2], [1, 2, 3]).statistic.isNaN)
        #expect(Correlation.spearman([1, 2, 3], [5, 5, 5]).pValue.isNaN)
    }

    @Test func normalDistributionMatchesScipyIntoTheFarTail() {
        let table = Golden.shared.normal
        for (z, cdf) in zip(table.z, table.cdf) {
            #expect(agrees(Normal.cdf(z), cdf, relative: 1e-12), "cdf(\(z)) = \(Normal.cdf(z)) vs \(cdf)")
            #expect(agrees(Normal.sf(-z), cdf, relative: 1e-12))
        }
        #expect(Normal.sf(37.5) > 0)
    }

    @Test func incompleteBetaMatchesScipy() {
        for golden in Golden.shared.incompleteBeta {
            let value = SpecialFunctions.incompleteBeta(golden.a, golden.b, x: golden.x)
            #expect(agrees(value, golden.value, relative: 1e-10), "I(\(golden.a), \(golden.b), \(golden.x)) = \(value) vs \(golden.value)")
        }
    }
}
