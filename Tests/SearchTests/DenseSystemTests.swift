import Statistics
import Testing
@testable import Search

struct DenseSystemTests {
    /// A random symmetric, strictly diagonally dominant m×m matrix (row-major) and an m×2 right-hand side.
    static func system(size m: Int, seed: UInt64) -> (matrix: [Double], rhs: [Double]) {
        var generator = SeededGenerator(seed: seed)
        var matrix = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for j in 0..<i {
                let value = -generator.nextUniform() / Double(m)
                (matrix[i * m + j], matrix[j * m + i]) = (value, value)
            }
            matrix[i * m + i] = 1 + generator.nextUniform()
        }
        return (matrix, (0..<2 * m).map { _ in generator.nextUniform() })
    }

    /// Four systems in the lanes: `systems[k]` in lane k, the lower triangle packed by rows.
    static func lanes(_ systems: [(matrix: [Double], rhs: [Double])], size m: Int) -> (matrix: [SIMD4<Double>], rhs: [SIMD4<Double>]) {
        let matrix = (0..<m).flatMap { i in (0...i).map { j in SIMD4(systems.map { $0.matrix[i * m + j] }) } }
        return (matrix, (0..<2 * m).map { r in SIMD4(systems.map { $0.rhs[r] }) })
    }

    /// Sizes below, at and past the four-row block, with a remainder.
    @Test(arguments: [1, 4, 11])
    func lanesSolveTheirOwnSystemWhateverTheOthers(size m: Int) {
        let systems = (0..<4).map { DenseSystemTests.system(size: m, seed: UInt64($0)) }
        let packed = DenseSystemTests.lanes(systems, size: m)
        let together = DenseSystem.solvePositiveDefinite(packed: packed.matrix, packed.rhs, size: m, columns: 2)
        #expect(!together.failed[0] && !together.failed[1] && !together.failed[2] && !together.failed[3])
        for (k, system) in systems.enumerated() {
            let dense = DenseSystem.solve(system.matrix, system.rhs, size: m, columns: 2)!
            for r in 0..<2 * m { #expect(abs(together.solution[r][k] - dense[r]) <= 1e-12 * abs(dense[r]), "lane \(k) entry \(r)") }
            // The same system in every lane: lane k's numbers, to the bit, are those it had beside the others.
            let alone = DenseSystemTests.lanes([system, system, system, system], size: m)
            let solo = DenseSystem.solvePositiveDefinite(packed: alone.matrix, alone.rhs, size: m, columns: 2)
            #expect(solo.solution.map { $0[0] } == together.solution.map { $0[k] })
        }
    }

    /// A lane whose matrix is not positive definite is flagged; the others still solve.
    @Test func aFailedLaneLeavesTheOthers() {
        let m = 5
        var systems = (0..<4).map { DenseSystemTests.system(size: m, seed: UInt64(10 + $0)) }
        systems[2].matrix[3 * m + 3] = -1
        let packed = DenseSystemTests.lanes(systems, size: m)
        let result = DenseSystem.solvePositiveDefinite(packed: packed.matrix, packed.rhs, size: m, columns: 2)
        #expect([0, 1, 2, 3].map { result.failed[$0] } == [false, false, true, false])
        let dense = DenseSystem.solve(systems[3].matrix, systems[3].rhs, size: m, columns: 2)!
        for r in 0..<2 * m { #expect(abs(result.solution[r][3] - dense[r]) <= 1e-12 * abs(dense[r])) }
    }
}
