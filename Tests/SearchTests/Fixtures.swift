import SearchSpace
import Statistics
import Search
import Testing

/// Small seeded landscapes shared by the tests.
enum Fixtures {
    /// Per-edge effects, pairwise interactions of adjacent edges and noise: rugged but structured, so
    /// fitness-dependent walks both climb and get stuck.
    static let fitness: FitnessFunction = {
        var generator = SeededGenerator(seed: 42)
        let effects = (0..<30).map { _ in generator.nextGaussian() }
        let pairs = (0..<5 * 25).map { _ in 0.5 * generator.nextGaussian() }
        let values = (0..<Cell.count).map { x -> Double in
            let ops = Cell(code: x).operations.map(\.rawValue)
            var value = 70.0
            for edge in 0..<6 { value += effects[edge * 5 + ops[edge]] }
            for edge in 0..<5 { value += pairs[edge * 25 + ops[edge] * 5 + ops[edge + 1]] }
            return value + 0.3 * generator.nextGaussian()
        }
        return FitnessFunction(valuesByCode: values)
    }()

    static let maxAbs = fitness.values.map(abs).max()!

    /// A row-stochastic M that is not doubly stochastic.
    static let lopsidedKernel: [[Double]] = [
        [0.1, 0.6, 0.1, 0.1, 0.1],
        [0.05, 0.05, 0.8, 0.05, 0.05],
        [0.2, 0.2, 0.2, 0.2, 0.2],
        [0.0, 0.0, 0.5, 0.5, 0.0],
        [0.3, 0.0, 0.0, 0.0, 0.7],
    ]

    static func op(_ kind: SearchOperator.Kind) -> SearchOperator { try! SearchOperator(id: "test", kind: kind) }

    /// The mean of independent draws and its standard error (nil for fewer than two).
    static func meanAndStandardError(_ values: [Double]) -> (Double, Double?) {
        let n = Double(values.count), mean = values.reduce(0, +) / n
        guard values.count > 1 else { return (mean, nil) }
        return (mean, (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) / n).squareRoot())
    }

    /// Mean and standard error of MC estimates of E[f(X_L) | x] from `walks` walks.
    static func monteCarloExpectation(_ op: SearchOperator, rule: AcceptanceRule, start: Int, length: Int,
                                      walks: Int, seed: UInt64) -> (mean: Double, error: Double) {
        let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
        var sum = 0.0, sumSquares = 0.0
        for w in 0..<walks {
            var generator = SeededGenerator(seed: seed, stream: UInt64(w))
            let value = walker.walk(from: start, pathLengths: [length], using: &generator)[0].fitness
            sum += value
            sumSquares += value * value
        }
        let mean = sum / Double(walks)
        let variance = (sumSquares / Double(walks) - mean * mean) * Double(walks) / Double(walks - 1)
        return (mean, (variance / Double(walks)).squareRoot())
    }

    /// Expects `expected` (E[f(X_length) | x] by cell) within 4.5 standard errors of 4,000 Monte Carlo walks of
    /// `op` under `rule` from three starts across the fitness range.
    static func expectAgreesWithMonteCarlo(_ expected: [Double], _ op: SearchOperator, rule: AcceptanceRule, length: Int, seed: UInt64,
                                           sourceLocation: SourceLocation = #_sourceLocation) {
        for start in [11, 5_000, 12_345] {
            let (mean, error) = monteCarloExpectation(op, rule: rule, start: start, length: length, walks: 4_000, seed: seed)
            #expect(abs(expected[start] - mean) < 4.5 * error, "\(rule.label) start \(start): \(expected[start]) vs \(mean) ± \(error)",
                    sourceLocation: sourceLocation)
        }
    }
}
