import Foundation
import SearchSpace
import Statistics
import Testing
import Landscape

/// The synthetic landscape's measures against the numpy/scipy values in Golden/synthetic_landscape.json.
@Suite struct GoldenLandscapeTests {
    let golden = SyntheticGolden.shared
    let neighbours = NeighbourTable()

    @Test func localMaximaAndBasins() {
        let fitness = golden.fitness
        #expect(Int(fitness.apiIndex[fitness.globalMaximum]) == golden.globalMaxIndex)
        #expect(fitness.values[fitness.globalMaximum] == golden.maxFitness)
        let maxima = LocalMaxima.codes(of: fitness, neighbours: neighbours)
        #expect(maxima.map { Int(fitness.apiIndex[$0]) } == golden.localMaxima)
        let basins = Basins(fitness: fitness, maxima: maxima, neighbours: neighbours)
        #expect(basins.weakSizes == golden.weakBasinSizes)
        #expect(basins.weakExtents == golden.weakBasinExtents)
        #expect(basins.strongSizes == golden.strongBasinSizes)
        #expect(basins.strongExtents == golden.strongBasinExtents)
    }

    @Test func neutralNetworks() {
        let networks = NeutralNetworks(fitness: golden.fitness, classes: golden.classByCode, neighbours: neighbours)
        #expect(networks.networks.map(\.size) == golden.neutralNetworkSizes)
        #expect(networks.networks.map(\.fitness) == golden.neutralNetworkFitness)
        #expect(networks.networks.map(\.representative) == golden.neutralNetworkRepresentatives)
        #expect(networks.networks.map(\.isomorphismClasses) == golden.neutralNetworkClasses)
        #expect(networks.largestNeighbourValues == golden.largestNeighbourValues)
    }

    @Test func energiesAndExactAutocorrelation() throws {
        let autocorrelation = Autocorrelation(fitness: golden.fitness, lags: 20)
        for (mine, theirs) in zip(autocorrelation.energies, golden.orderEnergies) {
            #expect(close(mine, theirs, tolerance: 1e-10), "\(mine) vs \(theirs)")
        }
        let exact = try #require(autocorrelation.exact)
        for (mine, theirs) in zip(exact, golden.autocorrelation) { #expect(close(mine, theirs, tolerance: 1e-10)) }
        let shares = try #require(autocorrelation.varianceShares)
        #expect(shares[0] == 0 && close(shares.reduce(0, +), 1))
    }

    @Test func fitnessDistanceProfile() {
        let fitness = golden.fitness
        let best = Cell(code: fitness.globalMaximum)
        let distance = (0..<Cell.count).map { Cell(code: $0).distance(to: best) }
        let profile = FitnessDistanceProfile(fitness: fitness, distanceByCode: distance)
        #expect(profile.shells.map(\.count) == (0...6).map(Combinatorics.sphereSize))
        #expect(profile.shells[0].max == golden.maxFitness && profile.shells[0].mean == golden.maxFitness)
        #expect(profile.distanceByAPIIndex[golden.globalMaxIndex] == 0)
        #expect(profile.shells.allSatisfy { $0.min <= $0.mean && $0.mean <= $0.max })
    }

    @Test func fitnessDistanceCorrelationsMatchScipy() {
        let analysis = LandscapeAnalysis(fitness: golden.fitness, isomorphismClasses: golden.classByCode)
        let summary = analysis.summary
        let expected = [
            (summary.fdc, golden.fdc.pearson), (summary.fdcSpearman, golden.fdc.spearman),
            (summary.fdcKendall, golden.fdc.kendall), (summary.fdcKendallPValue, golden.fdc.kendallP),
            (summary.localMaximaPearson, golden.localMaximaCorrelation.pearson),
            (summary.localMaximaSpearman, golden.localMaximaCorrelation.spearman),
            (summary.localMaximaKendall, golden.localMaximaCorrelation.kendall),
            (summary.localMaximaKendallPValue, golden.localMaximaCorrelation.kendallP),
        ]
        for (mine, theirs) in expected {
            #expect(mine.map { close($0, theirs, tolerance: 1e-9) } == true, "\(String(describing: mine)) vs \(theirs)")
        }
        #expect(summary.localMaxima == golden.localMaxima)
        #expect(summary.neutralNetworkIsomorphismClasses == golden.neutralNetworkClasses)
    }

    @Test func summaryJSONHasTheContractFieldsAndParallelMatchesSequential() throws {
        let fitnesses = [golden.fitness, TestLandscapes.additive]
        let parallel = LandscapeAnalysis.analyze(fitnesses).map(\.summary)
        let sequential = fitnesses.map { LandscapeAnalysis(fitness: $0).summary }
        #expect(parallel == sequential)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(parallel[0])) as! [String: Any]
        let contract = ["maxFitness", "globalMaxIndex", "numLocalMaxima", "localMaxima", "fdc", "fdcSpearman",
                        "fdcKendall", "autocorrelation", "exactCorrelationLength", "numNeutralNetworks",
                        "maxNeutralNetworkSize", "numWeakBasins", "avgWeakBasinSizeWithMaximum", "weakBasinMaxEditDistance",
                        "numStrongBasins", "strongBasinMaxEditDistance", "labCompatible"]
        for key in contract { #expect(json[key] != nil, "missing \(key)") }
        // No nasreach field keeps a lab name for a different quantity: the lab's names live in labCompatible.
        for renamed in ["correlationLength", "avgWeakBasinSize", "weakBasinExtent", "strongBasinExtent",
                        "weakBasinExtents", "strongBasinExtents"] {
            #expect(json[renamed] == nil, "\(renamed) is the lab's name for another quantity")
        }
        let lab = try #require(json["labCompatible"] as? [String: Any])
        #expect(Set(lab.keys).isSubset(of: Set(LabCompatibleLandscape.CodingKeys.allCases.map(\.stringValue))))
        let labMean = try #require(lab["avgWeakBasinSize"] as? Double), ours = try #require(parallel[0].avgWeakBasinSizeWithMaximum)
        #expect(abs(labMean - (ours - 1)) < 1e-9)  // the lab leaves the maximum out of its basin
        #expect((json["fdc"] as? Double) != nil && (json["autocorrelation"] as? [Double])?.count == 20)
    }
}
