import Foundation
import SearchSpace

/// Landscapes with known answers, shared by the tests.
enum TestLandscapes {
    /// Σ_e w_e(op_e) with five distinct values per edge: one maximum, all energy in order 1.
    static let additive: FitnessFunction = {
        let values = (0..<Cell.count).map { code in
            (0..<Cell.edgeCount).reduce(0.0) { sum, edge in
                let op = (code / Cell.strides[edge]) % 5
                return sum + Double((3 * op + edge) % 5) * (1 + 0.1 * Double(edge))
            }
        }
        return FitnessFunction(valuesByCode: values)
    }()

    static let constant = FitnessFunction(valuesByCode: [Double](repeating: 42.5, count: Cell.count))
}

/// The seeded synthetic landscape and the values numpy/scipy computed for it (Golden/make_synthetic_golden.py).
struct SyntheticGolden: Decodable {
    struct Correlations: Decodable {
        let pearson, pearsonP, spearman, spearmanP, kendall, kendallP: Double
    }

    let valuesByCode: [Double]
    let apiIndexByCode: [Int32]
    let classByCode: [String]
    let globalMaxIndex: Int
    let maxFitness: Double
    let localMaxima: [Int]
    let weakBasinSizes, weakBasinExtents, strongBasinSizes, strongBasinExtents: [Int]
    let neutralNetworkSizes: [Int]
    let neutralNetworkFitness: [Double]
    let neutralNetworkRepresentatives: [Int]
    let neutralNetworkClasses: [Int]
    let largestNeighbourValues: [Double]
    let orderEnergies: [Double]
    let autocorrelation: [Double]
    let fdc: Correlations
    let localMaximaCorrelation: Correlations

    var fitness: FitnessFunction { FitnessFunction(values: valuesByCode, apiIndex: apiIndexByCode) }

    static let shared: SyntheticGolden = {
        let folder = Bundle.module.url(forResource: "Golden", withExtension: nil)!
        let data = try! Data(contentsOf: folder.appendingPathComponent("synthetic_landscape.json"))
        return try! JSONDecoder().decode(SyntheticGolden.self, from: data)
    }()
}

func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
