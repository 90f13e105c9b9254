import Foundation
import SearchSpace
import Support
import Testing
@testable import Landscape

/// Landscapes whose lab-compatible values follow by hand.
enum LabLandscapes {
    /// f(x) = 6 − d(x, p) with p = all `none` (code 0): one maximum, 63 neutral networks (the cells whose
    /// differing edges are one given set S, 4^|S| cells each, for every non-empty S).
    static let cone = FitnessFunction(valuesByCode: (0..<Cell.count).map { Double(6 - Cell(code: $0).distance(to: Cell(code: 0))) })

    /// The cone with a second, higher peak planted at q = all `avg_pool_3x3` (code 15,624, distance 6 from p).
    static let plantedPeak = 15_624
    static let twoPeaks: FitnessFunction = {
        var values = cone.values
        values[plantedPeak] = 10
        return FitnessFunction(valuesByCode: values)
    }()

    /// An isomorphism-class stand-in: the number of `skip_connect` edges (0…6).
    static let skipCount: [String] = (0..<Cell.count).map { code in
        "\(Cell(code: code).operations.filter { $0 == .skipConnect }.count)"
    }

    static func lab(_ fitness: FitnessFunction, classes: [String]? = nil) -> LabCompatibleLandscape {
        LabCompatibleLandscape(analysis: LandscapeAnalysis(fitness: fitness), isomorphismClasses: classes)
    }
}

@Suite struct LabCompatibleTests {
    @Test func coneByHand() throws {
        let lab = LabLandscapes.lab(LabLandscapes.cone, classes: LabLandscapes.skipCount)
        let n = Double(Cell.count)
        #expect(lab.maxFitness == 6)
        #expect(close(try #require(lab.avgFitnessDiffFromMax), -4.8))  // mean distance 6 · 4/5
        #expect(close(try #require(lab.fdc), -1))
        #expect(close(try #require(lab.spearmanr), -1))
        #expect(close(try #require(lab.kendalltau), -1))
        #expect(lab.numLocalMaxima == 1)
        #expect(lab.modality == 1 / n)
        // One maximum: correlations over maxima are undefined (scipy: NaN), so nil.
        #expect(lab.localMaximaPearsonr == nil && lab.fitnessWeakBasinSizePearsonr == nil)
        // The lab's basin leaves out its maximum: every other cell, in one basin, so all strong.
        #expect(lab.numWeakBasins == 1)
        #expect(lab.avgWeakBasinSize == n - 1)
        #expect(lab.weakBasinExtent == (n - 1) / n)
        #expect(lab.globalMaxWeakBasinExtent == (n - 1) / n)
        #expect(lab.numStrongBasins == 1)
        #expect(lab.avgStrongBasinSize == n - 1)
        #expect(lab.strongBasinExtent == (n - 1) / n)
        #expect(lab.globalMaxStrongBasinExtent == (n - 1) / n)
        // Networks: one per non-empty set S of differing edges, Σ_S 4^|S| = 5^6 − 1 cells.
        #expect(lab.numNeutralNets == 63)
        #expect(lab.avgNeutralNetSize == 15_624.0 / 63)
        #expect(lab.maxNeutralNetSize == 4096)
        #expect(lab.largestNeutralNetFitness == 0)
        // The largest is {1…4}^6; its outside neighbours are the 6 · 4^5 cells with exactly one `none`.
        #expect(lab.largestNeutralNetUniqueNeighborGenotypes == 6144)
        #expect(lab.largestNeutralNetPercolationIndex == 1)
        #expect(lab.largestNeutralNetUniquePhenotypes == 7)  // 0…6 skip edges
        #expect(lab.largestNeutralNetUniqueNeighborPhenotypes == 6)  // 0…5 skip edges beside the `none`
        // Pairs of {1…4}^6: each edge differs in 3/4 of ordered pairs, so the mean over distinct pairs is
        // 6 · 3/4 · 4096² / (4096 · 4095) = 4.5 · 4096 / 4095.
        #expect(lab.largestNeutralNetMaxEditDistance == 6)
        #expect(close(try #require(lab.largestNeutralNetAvgEditDistance), 4.5 * 4096 / 4095, tolerance: 1e-14))
    }

    @Test func twoPeaksByHand() {
        let lab = LabLandscapes.lab(LabLandscapes.twoPeaks)
        let n = Double(Cell.count)
        // q's basin: its 6 neighbours with one `none` (f = 1) lead to every cell with exactly one `none`
        // (6144, all f = 1) and to the f = 0 cells (4096 − 1 without q); p's basin is everything but q and p.
        let qBasin = 6144.0 + 4095, pBasin = n - 2
        #expect(lab.numLocalMaxima == 2 && lab.numWeakBasins == 2)
        #expect(lab.maxFitness == 10)
        #expect(lab.avgWeakBasinSize == (qBasin + pBasin) / 2)
        #expect(lab.weakBasinExtent == pBasin / n)
        #expect(lab.globalMaxWeakBasinExtent == qBasin / n)
        // q's basin lies inside p's: only p keeps a strong basin, the cells at distance ≤ 4 from p but p.
        let pStrong = n - 1 - 6144 - 4096
        #expect(lab.numStrongBasins == 1)
        #expect(lab.avgStrongBasinSize == pStrong)
        #expect(lab.strongBasinExtent == pStrong / n)
        // The global maximum's strong basin is empty: the lab's code fails there, so nil.
        #expect(lab.globalMaxStrongBasinExtent == nil)
        // Two maxima: the fitter (q, f = 10, distance 0 to itself) has the smaller basin.
        #expect(lab.fitnessWeakBasinSizePearsonr == -1)
        #expect(lab.localMaximaPearsonr == -1 && lab.localMaximaSpearmanr == -1 && lab.localMaximaKendallTau == -1)
        // The largest network loses q; q and the one-`none` cells surround it.
        #expect(lab.maxNeutralNetSize == 4095)
        #expect(lab.avgNeutralNetSize == 15_623.0 / 63)
        #expect(lab.largestNeutralNetUniqueNeighborGenotypes == 6145)
        #expect(lab.largestNeutralNetPercolationIndex == 2)
        #expect(lab.largestNeutralNetUniquePhenotypes == nil)
    }

    /// Two equal peaks two edits apart on a flat plain: both lab basins are the same set (every other cell),
    /// and the lab, comparing basins by value, removes no shared cell, so both strong basins are that set too.
    @Test func identicalBasinsKeepTheirSharedCells() {
        var values = [Double](repeating: 0, count: Cell.count)
        values[0] = 10
        values[6] = 10  // `skip_connect` on edges 0 and 1
        let lab = LabLandscapes.lab(FitnessFunction(valuesByCode: values))
        let n = Double(Cell.count), rest = n - 2
        #expect(lab.numWeakBasins == 2 && lab.avgWeakBasinSize == rest)
        #expect(lab.numStrongBasins == 2)
        #expect(lab.avgStrongBasinSize == rest)
        #expect(lab.strongBasinExtent == rest / n)  // a share of the space: the union, not the sum
        #expect(lab.globalMaxStrongBasinExtent == rest / n)
        #expect(lab.weakBasinExtent == rest / n)
        // nasreach's strong basin is the cells in exactly one weak basin: here only the two peaks.
        #expect(LandscapeAnalysis(fitness: FitnessFunction(valuesByCode: values)).basins.strongSizes == [1, 1])
    }

    /// The synthetic golden landscape's basins and networks, computed independently with numpy.
    @Test func agreesWithTheIndependentGolden() {
        let golden = SyntheticGolden.shared
        let analysis = LandscapeAnalysis(fitness: golden.fitness)
        let lab = LabCompatibleLandscape(analysis: analysis, isomorphismClasses: golden.classByCode)
        let weak = golden.weakBasinSizes.map { Double($0 - 1) }
        let strong = golden.strongBasinSizes.map { $0 - 1 }.filter { $0 > 0 }
        #expect(lab.avgWeakBasinSize == weak.reduce(0, +) / Double(weak.count))
        #expect(lab.numStrongBasins == Double(strong.count))
        #expect(lab.strongBasinExtent == Double(strong.reduce(0, +)) / Double(Cell.count))
        let sizes = golden.neutralNetworkSizes
        #expect(lab.numNeutralNets == Double(sizes.count))
        #expect(lab.avgNeutralNetSize == Double(sizes.reduce(0, +)) / Double(sizes.count))
        #expect(lab.maxNeutralNetSize == Double(sizes.max()!))
    }

    @Test func labLargestNetworkIsTheFirstFound() {
        let a = NeutralNetworks.Network(size: 5, fitness: 1, representative: 40, isomorphismClasses: nil)
        let b = NeutralNetworks.Network(size: 5, fitness: 9, representative: 70, isomorphismClasses: nil)
        let c = NeutralNetworks.Network(size: 3, fitness: 9, representative: 2, isomorphismClasses: nil)
        // nasreach lists b first (fitter); the lab's search meets API index 40 before 70.
        #expect(LabCompatibleLandscape.labLargestNetwork([b, a, c]) == a)
    }

    @Test func indexingSlipMeasuresTheFirstAPIIndices() {
        // Codes 0…5: 0–4 differ on edge 0 only; 5 is `none` on edge 0 and `skip_connect` on edge 1, so it is
        // at distance 1 from 0 and 2 from 1…4: (10 · 1 + 1 + 4 · 2) / 15 pairs.
        let slip = LabIndexingSlip(fitness: LabLandscapes.cone, networkSize: 6)
        #expect(slip.maxEditDistance == 2)
        #expect(slip.avgEditDistance == 19.0 / 15)
    }

    @Test func encodesUnderTheLabsNames() throws {
        let lab = LabLandscapes.lab(LabLandscapes.cone)
        let object = try #require(JSONSerialization.jsonObject(with: Data(JSONRecordEncoder.encode(lab))) as? [String: Any])
        #expect(Set(object.keys) == Set(LabCompatibleLandscape.CodingKeys.allCases.map(\.stringValue)))
        #expect(object["FDC"] != nil && object["fdc"] == nil)
        #expect(object["localMaximaPearsonr"] is NSNull)  // undefined values are written as null
        let decoded = try JSONDecoder().decode(LabCompatibleLandscape.self, from: JSONEncoder().encode(lab))
        #expect(decoded == lab)
    }
}

@Suite struct LabAutocorrelationTests {
    @Test func perWalkCorrelationAveragedOverWalks() throws {
        // Fitness along walk A alternates 6, 5, 6, 5, 6 (lag-1 r = −1, lag-2 r = 1); along walk B it falls
        // 6, 5, 4, 3, 2 (r = 1 at both lags). A pooled estimator would not give these means.
        let a = [0, 1, 0, 1, 0], b = [0, 1, 6, 31, 156]
        let estimate = LabAutocorrelationEstimate(fitness: LabLandscapes.cone, walksByCode: [a, a, b], lags: 2)
        #expect(estimate.walks == 3 && estimate.cellsPerWalk == 5)
        #expect(close(try #require(estimate.estimate[0]), -1.0 / 3, tolerance: 1e-12))
        #expect(close(try #require(estimate.estimate[1]), 1, tolerance: 1e-12))
        #expect(estimate.correlationLength == nil)  // r̄(1) < 0: −1/ln r̄(1) is not a length
    }

    @Test func aConstantSegmentMakesTheMeanUndefined() {
        let estimate = LabAutocorrelationEstimate(fitness: LabLandscapes.cone, walksByCode: [[0, 1, 6, 31], [1, 2, 3, 4]], lags: 1)
        #expect(estimate.estimate == [nil])
    }

    @Test func seededWalksAreDeterministicAndBiasedLow() throws {
        let neighbours = NeighbourTable()
        let fitness = TestLandscapes.additive
        let first = LabAutocorrelationEstimate(fitness: fitness, neighbours: neighbours, lags: 3, seed: 7)
        let again = LabAutocorrelationEstimate(fitness: fitness, neighbours: neighbours, lags: 3, seed: 7)
        let other = LabAutocorrelationEstimate(fitness: fitness, neighbours: neighbours, lags: 3, seed: 8)
        #expect(first == again)
        #expect(first != other)
        #expect(first.walks == 200 && first.cellsPerWalk == 100)
        // All energy in order 1: exact ρ(1) = 19/24. Per-walk centring loses about (1 + ρ)/n of it.
        let r1 = try #require(first.estimate[0])
        #expect(r1 < 19.0 / 24 && r1 > 19.0 / 24 - 0.06)
    }
}

@Suite struct LabReproductionTests {
    @Test func statusAtThePublishedPrecision() {
        #expect(LabReproduction.significantDigits(0.998912) == 6)
        #expect(LabReproduction.significantDigits(6.4e-05) == 2)
        #expect(LabReproduction.significantDigits(17) == 2)
        #expect(LabReproduction.significantDigits(690) == 3)
        #expect(LabReproduction.significantDigits(13_122.05882) == 10)
        #expect(LabReproduction.status(691, published: 690) == .differs)
        #expect(LabReproduction.status(15_608.0 / 15_625, published: 0.998912) == .reproducedExactly)
        #expect(LabReproduction.status(13_122.058823529413, published: 13_122.05882) == .reproducedExactly)
        #expect(LabReproduction.status(13_122.0589, published: 13_122.05882) == .differs)
        #expect(LabReproduction.status(0.3, published: 0.1 + 0.2) == .withinFloatingPoint)
        #expect(LabReproduction.status(nil, published: 1) == .differs)
    }

    @Test func causeIsTheFirstAlternativeThatReproduces() throws {
        let ours = LabLandscapes.lab(LabLandscapes.cone)
        // A "published" record: ours with three fields changed.
        var json = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(ours)) as? [String: Any])
        json["numNeutralNets"] = 62.0
        json["largestNeutralNetAvgEditDistance"] = 1.25
        json["correlationLength"] = 1.5
        json["maxFitness"] = 7.0
        let published = try JSONDecoder().decode(LabCompatibleLandscape.self, from: JSONSerialization.data(withJSONObject: json))
        let reproduction = LabReproduction(
            published: published, labCompatible: ours, exact: [:],
            alternatives: [LabReproduction.Alternative(cause: .parsing, values: [.numNeutralNets: 62]),
                           LabReproduction.Alternative(cause: .indexingSlip, values: [.largestNeutralNetAvgEditDistance: 1.25])])
        let byField = Dictionary(uniqueKeysWithValues: reproduction.entries.map { ($0.field, $0) })
        #expect(byField["numNeutralNets"]?.cause == .parsing)
        #expect(byField["largestNeutralNetAvgEditDistance"]?.cause == .indexingSlip)
        #expect(byField["correlationLength"]?.cause == .monteCarloUnverified)
        #expect(byField["maxFitness"]?.cause == .unexplained)
        #expect(byField["FDC"]?.status == .reproducedExactly && byField["FDC"]?.cause == nil)
        #expect(reproduction.count(.differs) == 4)
        // Null published values (undefined on this landscape) are not compared.
        #expect(byField["localMaximaPearsonr"] == nil)
    }
}
