import Benchmark
import Foundation
import SearchSpace
import Testing
@testable import Landscape

/// The lab's published values (reference/tao-bang-2024.json) against nasreach on the real CSV, read correctly
/// and as the lab's pandas did; skipped when NASREACH_DATA is unset.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_DATA"] != nil,
                "skipped: set NASREACH_DATA to the benchmark CSV to check the reproduction of the lab's study"))
struct LabReproductionRealDataTests {
    static let columns = ["CIFAR10TestAccuracy200Epochs", "CIFAR100TestAccuracy200Epochs", "ImageNetTestAccuracy200Epochs"]

    /// NASREACH_REFERENCE, or reference/tao-bang-2024.json beside the data folder of NASREACH_DATA.
    static func published() throws -> [String: LabCompatibleLandscape] {
        let environment = ProcessInfo.processInfo.environment
        let data = URL(fileURLWithPath: environment["NASREACH_DATA"]!)
        let path = environment["NASREACH_REFERENCE"]
            ?? data.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("reference/tao-bang-2024.json").path
        struct Reference: Decodable { let metrics: [String: LabCompatibleLandscape] }
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: path))).metrics
    }

    struct Reproduced {
        let reproduction: LabReproduction
        let correct: LabCompatibleLandscape
        let lab: LabCompatibleLandscape
    }

    /// One reproduction per published metric, in `columns` order.
    static let reproductions: [Reproduced] = {
        let path = ProcessInfo.processInfo.environment["NASREACH_DATA"]!
        let published = try! LabReproductionRealDataTests.published()
        let neighbours = NeighbourTable()
        let correctly = try! CSVSource.load(path: path)
        let asPandas = try! CSVSource.load(path: path, floatParsing: .pandas221)
        let classes = correctly.isomorphismClassesByCode
        return columns.map { column in
            func landscape(_ benchmark: Benchmark) -> (LandscapeAnalysis, LabCompatibleLandscape) {
                let fitness = benchmark.fitness(benchmark.metrics.first { $0.column == column }!)
                let analysis = LandscapeAnalysis(fitness: fitness, neighbours: neighbours)
                return (analysis, LabCompatibleLandscape(analysis: analysis, isomorphismClasses: classes, neighbours: neighbours))
            }
            let (analysis, correct) = landscape(correctly)
            let (_, lab) = landscape(asPandas)
            let slip = LabIndexingSlip(fitness: analysis.fitness, networkSize: Int(lab.maxNeutralNetSize!))
            let reproduction = LabReproduction(
                published: published[column]!, labCompatible: correct, exact: LabCompatibleLandscape.exactCounterparts(analysis),
                alternatives: [.init(cause: .parsing, landscape: lab),
                               .init(cause: .indexingSlip, values: [.largestNeutralNetMaxEditDistance: slip.maxEditDistance,
                                                                    .largestNeutralNetAvgEditDistance: slip.avgEditDistance])])
            return Reproduced(reproduction: reproduction, correct: correct, lab: lab)
        }
    }()

    /// Verified on nats_bench.csv (sha256 cb5d777e…): per metric, the published values that differ with
    /// correctly parsed accuracies, each with the cause that reproduces it; every other value is reproduced
    /// exactly (to all published digits).
    static let expectedDifferences: [[String: LabReproduction.Cause]] = {
        let slip: [String: LabReproduction.Cause] = ["largestNeutralNetMaxEditDistance": .indexingSlip,
                                                     "largestNeutralNetAvgEditDistance": .indexingSlip,
                                                     "correlationLength": .monteCarloUnverified]
        let cifar10 = ["spearmanr", "kendalltau", "avgWeakBasinSize", "fitnessWeakBasinSizePearsonr", "numNeutralNets",
                       "avgNeutralNetSize", "largestNeutralNetPercolationIndex"]
        let cifar100 = ["spearmanr", "kendalltau", "numNeutralNets", "avgNeutralNetSize", "largestNeutralNetPercolationIndex"]
        let imageNet = ["spearmanr", "kendalltau"]
        return [cifar10, cifar100, imageNet].map { parsing in
            slip.merging(parsing.map { ($0, LabReproduction.Cause.parsing) }) { $1 }
        }
    }()

    @Test func everyPublishedValueIsReproducedOrExplained() {
        for (index, reproduced) in Self.reproductions.enumerated() {
            let entries = reproduced.reproduction.entries
            #expect(entries.count == 30, "\(Self.columns[index])")
            let differing = Dictionary(uniqueKeysWithValues: entries.filter { $0.status != .reproducedExactly }.map { ($0.field, $0.cause) })
            #expect(differing == Self.expectedDifferences[index], "\(Self.columns[index])")
            #expect(reproduced.reproduction.count(.withinFloatingPoint) == 0)
        }
    }

    @Test func parsingAsPandasReproducesTheNeutralNetworks() {
        #expect(Self.reproductions.map(\.correct.numNeutralNets) == [219, 34, 46])
        #expect(Self.reproductions.map(\.lab.numNeutralNets) == [249, 35, 46])
        // Read as pandas did, only the indexing slip and the Monte Carlo walks remain.
        let published = try! Self.published()
        for (column, reproduced) in zip(Self.columns, Self.reproductions) {
            let asLab = LabReproduction(published: published[column]!, labCompatible: reproduced.lab, exact: [:], alternatives: [])
            #expect(Set(asLab.entries.filter { $0.status != .reproducedExactly }.map(\.field))
                    == ["largestNeutralNetMaxEditDistance", "largestNeutralNetAvgEditDistance", "correlationLength"], "\(column)")
        }
    }

    /// With the lab's saved walks (NASREACH_LAB_WALKS: a checkout of v-tao/nats-bench-landscape, whose
    /// <dataset>/data/200_random_length_100_walks.csv list API indices), the lab's estimator reproduces every
    /// published correlation length: the walks, not the estimator's implementation, make the difference.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NASREACH_LAB_WALKS"] != nil,
                   "skipped: set NASREACH_LAB_WALKS to a checkout of v-tao/nats-bench-landscape to check the lab's own walks"))
    func theLabsOwnWalksReproduceTheCorrelationLength() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["NASREACH_LAB_WALKS"]!)
        let benchmark = try CSVSource.load(path: ProcessInfo.processInfo.environment["NASREACH_DATA"]!)
        let codeOfAPIIndex = benchmark.cells.map(\.code)
        let published = try Self.published()
        for (column, labFolder) in zip(Self.columns, ["CIFAR10", "CIFAR100", "ImageNet"]) {
            let text = try String(contentsOf: folder.appendingPathComponent("\(labFolder)/data/200_random_length_100_walks.csv"), encoding: .utf8)
            let walks = text.split(separator: "\n").map { line in line.split(separator: ",").map { codeOfAPIIndex[Int($0)!] } }
            #expect(walks.count == 200 && walks.allSatisfy { $0.count == 100 })
            let fitness = benchmark.fitness(benchmark.metrics.first { $0.column == column }!)
            let estimate = LabAutocorrelationEstimate(fitness: fitness, walksByCode: walks, lags: 1)
            let reproduction = LabReproduction(
                published: published[column]!, labCompatible: Self.reproductions[Self.columns.firstIndex(of: column)!].correct, exact: [:],
                alternatives: [.init(cause: .monteCarloWalks, values: [.correlationLength: try #require(estimate.correlationLength)])])
            #expect(reproduction.entries.first { $0.field == "correlationLength" }?.cause == .monteCarloWalks, "\(column)")
        }
    }

    /// Verified on nats_bench.csv: (neutral pairs, of them inside a class, local maxima, their classes,
    /// maxima alone in their class, networks, networks inside one class) per metric.
    static let expectedLayouts = [[2360, 1949, 17, 15, 4, 219, 103], [301, 259, 24, 19, 7, 34, 22], [256, 216, 36, 35, 21, 46, 31]]

    @Test func isomorphismClassesOfMaximaAndNetworks() throws {
        let benchmark = try CSVSource.load(path: ProcessInfo.processInfo.environment["NASREACH_DATA"]!)
        let classes = try #require(benchmark.isomorphismClassesByCode)
        for (column, expected) in zip(Self.columns, Self.expectedLayouts) {
            let fitness = benchmark.fitness(benchmark.metrics.first { $0.column == column }!)
            let layout = IsomorphismLayout(analysis: LandscapeAnalysis(fitness: fitness, isomorphismClasses: classes), classes: classes)
            #expect(layout.classes == 6466 && layout.isomorphicNeighbourPairs == 26_000)
            let found = [layout.neutralNeighbourPairs, layout.neutralIsomorphicNeighbourPairs, layout.localMaxima, layout.localMaximaClasses,
                         layout.localMaximaAloneInClass, layout.neutralNetworks, layout.neutralNetworksWithinOneClass]
            #expect(found == expected, "\(column)")
            #expect(layout.largestNeutralNetworkClasses == 5)
        }
    }
}
