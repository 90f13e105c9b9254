import Search
import Statistics
import Testing
@testable import Analysis

struct ReliabilityTests {
    /// Planted noise of known size: 2,000 bivariate normal (reach, value) pairs with tau ≈ −0.6, observed
    /// with normal noise whose SD (the standard error) varies by operator. The reliability should match
    /// var(true)/(var(true) + mean SE²) and the disattenuated tau the noiseless tau. Tolerances: the SD of a
    /// tau over 2,000 pairs is about 0.013 and of a variance ratio about 0.02, so 0.05 is over 2.5 of them.
    @Test(arguments: [0.4, 0.8, 1.5])
    func plantedNoiseGivesThePredictedReliability(noiseScale: Double) {
        var generator = SeededGenerator(seed: 23)
        let n = 2_000, rho = -0.81
        var reach: [Double] = [], truth: [Double] = [], observed: [Double] = [], errors: [Double?] = []
        for _ in 0..<n {
            let x = generator.nextGaussian()
            let y = rho * x + (1 - rho * rho).squareRoot() * generator.nextGaussian()
            let error = noiseScale * (0.5 + generator.nextUniform())
            reach.append(x)
            truth.append(y)
            observed.append(y + error * generator.nextGaussian())
            errors.append(error)
        }
        let meanSquare = errors.reduce(0.0) { $0 + $1! * $1! } / Double(n)
        let spread = Descriptive.standardDeviation(truth)
        let predicted = spread * spread / (spread * spread + meanSquare)
        let reliability = Reliability.of(observed, standardErrors: errors)!
        #expect(abs(reliability - predicted) < 0.05, "reliability \(reliability), predicted \(predicted)")
        let noiseless = Correlation.kendallTauB(reach, truth).tau, raw = Correlation.kendallTauB(reach, observed).tau
        let corrected = Reliability.disattenuated(tau: raw, reliability: reliability)!
        #expect(abs(corrected - noiseless) < 0.05, "disattenuated \(corrected) vs noiseless \(noiseless) (raw \(raw))")
        #expect(abs(raw - noiseless) > 0.05)
    }

    @Test func exactValuesHaveNoReliabilityAndNoiseOnlyNoCorrection() {
        #expect(Reliability.of([1, 2, 3, 4], standardErrors: [nil, nil, nil, nil]) == nil)
        #expect(Reliability.of([1, 2, 3, 4], standardErrors: [10, 10, 10, 10]) == 0)
        #expect(Reliability.disattenuated(tau: 0.1, reliability: 0) == nil)
        #expect(Reliability.disattenuated(tau: -0.9, reliability: 0.2) == -1)
    }

    /// The runner puts both fields on a primary test of Monte Carlo rows, and leaves them off exact ones.
    @Test func hypothesisTestsCarryReliabilityOfMonteCarloValues() throws {
        let records = (0..<30).flatMap { i -> [ImprovabilityRecord] in
            var noisy = HypothesisRunnerTests.record(i, group: .top10, reach: Double(i), mean: -Double(i) + Double(i % 3), acceptance: .improving)
            noisy.row.method = .monteCarlo
            noisy.row.standardError = 1
            return [noisy, HypothesisRunnerTests.record(i, group: .bottom10, reach: Double(i), mean: Double(i))]
        }
        let tests = HypothesisRunner(alpha: 0.05, bootstrapReplicates: 0, confidence: 0.95, seed: 1).run(records).filter(\.primary)
        let monteCarlo = try #require(tests.first { $0.group == .top10 && $0.reachMeasure == .reach })
        let reliability = try #require(monteCarlo.reliability)
        #expect(reliability > 0.9 && reliability < 1)
        #expect(monteCarlo.tauDisattenuated! < monteCarlo.tau!)
        #expect(tests.first { $0.group == .bottom10 }!.reliability == nil)
    }
}
