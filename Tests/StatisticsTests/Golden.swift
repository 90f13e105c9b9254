import Foundation

/// The reference values of Golden/golden.json (see Golden/make_golden.py). `nil` stands for NaN.
struct Golden: Decodable {
    struct Kendall: Decodable {
        let label: String
        let x: [Double]
        let y: [Double]
        let tau: Double?
        let p: Double?
        let pLess: Double?
        let pGreater: Double?
    }

    struct Correlations: Decodable {
        let label: String
        let x: [Double]
        let y: [Double]
        let pearson: Double?
        let pearsonP: Double?
        let spearman: Double?
        let spearmanP: Double?
    }

    struct Descriptive: Decodable {
        let label: String
        let values: [Double]
        let mean: Double
        let median: Double
        let skewness: Double?
        let levels: [Double]
        let quantiles: [Double]
    }

    struct Holm: Decodable {
        let p: [Double?]
        let adjusted: [Double?]
    }

    struct NormalTable: Decodable {
        let z: [Double]
        let cdf: [Double]
    }

    struct IncompleteBeta: Decodable {
        let a: Double
        let b: Double
        let x: Double
        let value: Double
    }

    let kendall: [Kendall]
    let correlations: [Correlations]
    let descriptive: [Descriptive]
    let holm: [Holm]
    let normal: NormalTable
    let incompleteBeta: [IncompleteBeta]

    static let shared: Golden = {
        guard let url = Bundle.module.url(forResource: "Golden/golden", withExtension: "json") else {
            fatalError("Golden/golden.json is missing from the test bundle")
        }
        do {
            return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
        } catch {
            fatalError("Golden/golden.json does not decode: \(error)")
        }
    }()
}

/// Whether `actual` matches `expected` (nil = NaN) within `relative` tolerance, with an absolute
/// floor of 1e-300 so that p-values scipy underflows to 0 may be tiny but non-zero.
func agrees(_ actual: Double, _ expected: Double?, relative: Double) -> Bool {
    guard let expected else { return actual.isNaN }
    return abs(actual - expected) <= max(relative * abs(expected), 1e-300)
}

/// Whether `actual` is within `absolute` of `expected` (nil = NaN).
func agrees(_ actual: Double, _ expected: Double?, absolute: Double) -> Bool {
    guard let expected else { return actual.isNaN }
    return abs(actual - expected) <= absolute
}
