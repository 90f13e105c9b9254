import Foundation
import SearchSpace
import Testing
import Landscape

@Suite struct AdditiveLandscapeTests {
    let fitness = TestLandscapes.additive
    let neighbours = NeighbourTable()

    @Test func hasExactlyOneLocalMaximumAtTheGlobalMaximum() {
        #expect(LocalMaxima.codes(of: fitness, neighbours: neighbours) == [fitness.globalMaximum])
    }

    @Test func carriesEnergyOnlyInOrderOne() {
        let energies = Autocorrelation(fitness: fitness, lags: 20).energies
        #expect(energies[1] > 1)
        for j in 2...6 { #expect(abs(energies[j]) < 1e-10 * energies[1], "order \(j) energy \(energies[j])") }
    }

    @Test func autocorrelationIsNineteenTwentyFourthsToTheLag() throws {
        let exact = try #require(Autocorrelation(fitness: fitness, lags: 20).exact)
        #expect(exact.count == 20)
        for k in 1...20 { #expect(close(exact[k - 1], pow(19.0 / 24.0, Double(k))), "lag \(k)") }
        let length = try #require(Autocorrelation(fitness: fitness, lags: 20).correlationLength)
        #expect(close(length, -1 / log(19.0 / 24.0)))
    }

    @Test func theOnlyBasinIsTheWholeSpace() {
        let basins = Basins(fitness: fitness, maxima: [fitness.globalMaximum], neighbours: neighbours)
        #expect(basins.weakSizes == [Cell.count] && basins.weakExtents == [6])
        #expect(basins.strongSizes == [Cell.count] && basins.strongExtents == [6])
    }

    @Test func hasNoNeutralNetworks() {
        #expect(NeutralNetworks(fitness: fitness, classes: nil, neighbours: neighbours).networks.isEmpty)
    }
}

@Suite struct ConstantLandscapeTests {
    let fitness = TestLandscapes.constant
    let neighbours = NeighbourTable()

    @Test func isOneNeutralNetworkOfTheWholeSpace() throws {
        let classes = (0..<Cell.count).map { "class\($0 % 7)" }
        let networks = NeutralNetworks(fitness: fitness, classes: classes, neighbours: neighbours)
        #expect(networks.networks.count == 1)
        let largest = try #require(networks.largest)
        #expect(largest.size == Cell.count && largest.fitness == 42.5)
        #expect(largest.representative == 0 && largest.isomorphismClasses == 7)
        #expect(networks.largestNeighbourValues.isEmpty)
    }

    @Test func hasNoStrictMaximumAndNoAutocorrelation() {
        #expect(LocalMaxima.codes(of: fitness, neighbours: neighbours).isEmpty)
        let autocorrelation = Autocorrelation(fitness: fitness, lags: 20)
        #expect(autocorrelation.exact == nil && autocorrelation.correlationLength == nil)
        #expect(MonteCarloAutocorrelation(fitness: fitness, neighbours: neighbours, lags: 20, walks: 2,
                                          walkLength: 20, seed: 0) == nil)
    }
}

@Suite struct MonteCarloTests {
    let fitness = SyntheticGolden.shared.fitness
    let neighbours = NeighbourTable()

    @Test func agreesWithTheExactAutocorrelationWithinFourStandardErrors() throws {
        let exact = try #require(Autocorrelation(fitness: fitness, lags: 20).exact)
        let estimate = try #require(MonteCarloAutocorrelation(fitness: fitness, neighbours: neighbours, lags: 20,
                                                              walks: 2_000, walkLength: 100, seed: 7))
        for k in 0..<20 {
            #expect(estimate.standardError[k] > 0 && estimate.standardError[k] < 0.02, "lag \(k + 1)")
            #expect(abs(estimate.estimate[k] - exact[k]) < 4 * estimate.standardError[k],
                    "lag \(k + 1): \(estimate.estimate[k]) vs \(exact[k]) ± \(estimate.standardError[k])")
        }
    }

    @Test func theSeedFixesEveryWalk() {
        let draw = { (seed: UInt64) in
            MonteCarloAutocorrelation(fitness: fitness, neighbours: neighbours, lags: 5, walks: 10, walkLength: 30, seed: seed)
        }
        #expect(draw(3) == draw(3))
        #expect(draw(3) != draw(4))
    }
}
