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

    @Test func printTheReproductionTable() {
        for (column, reproduced) in zip(Self.columns, Self.reproductions) {
            print("== \(column)")
            for entry in reproduced.reproduction.entries {
                let lab = reproduced.lab[LabCompatibleLandscape.CodingKeys(stringValue: entry.field)!]
                print(entry.field, entry.published.map { "\($0)" } ?? "-", entry.labCompatible.map { "\($0)" } ?? "-",
                      lab.map { "pandas=\($0)" } ?? "-", entry.exact.map { "exact=\($0)" } ?? "-",
                      entry.status.rawValue, entry.cause?.rawValue ?? "", separator: " | ")
            }
        }
    }
}
