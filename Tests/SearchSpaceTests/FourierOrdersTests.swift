import Testing
@testable import SearchSpace

@Suite struct FourierOrdersTests {
    /// A seeded pseudo-random fitness vector (LCG: no dependency on Statistics).
    static func randomValues(seed: UInt64) -> [Double] {
        var state = seed
        return (0..<Cell.count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1.0p-53
        }
    }

    @Test func componentsSumToTheFunctionAndAreOrthogonal() {
        let f = Self.randomValues(seed: 3)
        let orders = FourierOrders(f)
        for x in stride(from: 0, to: Cell.count, by: 97) {
            #expect(abs(orders.components.reduce(0) { $0 + $1[x] } - f[x]) < 1e-12)
        }
        for i in 0..<7 { for j in (i + 1)..<7 {
            let dot = zip(orders.components[i], orders.components[j]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(dot) < 1e-8)
        } }
        let total = f.reduce(0) { $0 + $1 * $1 } / Double(Cell.count)
        #expect(abs(orders.energies.reduce(0, +) - total) < 1e-12)
    }

    @Test func additiveFunctionHasOnlyOrdersZeroAndOne() {
        let terms = (0..<30).map { Double($0 * $0 % 17) }
        let f = Cell.all.map { cell in (0..<6).reduce(0.0) { $0 + terms[$1 * 5 + cell.operation(onEdge: $1).rawValue] } }
        let energies = FourierOrders(f).energies
        #expect(energies[1] > 1)
        #expect(energies[2...].allSatisfy { $0 < 1e-20 })
    }

    /// The random-neighbour kernel applied directly equals multiplying order j by 1 − 5j/24.
    @Test func neighbourAverageActsByKrawtchoukEigenvalues() {
        let f = Self.randomValues(seed: 11)
        let table = NeighbourTable()
        let direct = (0..<Cell.count).map { x in (0..<24).reduce(0.0) { $0 + f[table[x, $1]] } / 24 }
        let weights = (0...6).map { Combinatorics.sphereEigenvalue(distance: 1, order: $0) }
        let expected: [Double] = (0...6).map { j in 1 - 5 * Double(j) / 24 }
        #expect(zip(weights, expected).allSatisfy { abs($0 - $1) < 1e-15 })
        let spectral = FourierOrders(f).combine(weights: weights)
        #expect(zip(direct, spectral).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func krawtchoukRowsMatchSphereSizes() {
        for d in 0...6 { #expect(Combinatorics.krawtchouk(distance: d, order: 0) == Combinatorics.sphereSize(d)) }
        // Orthogonality: Σ_d K_d(i) K_d(j) / |S_d| = 0 for i ≠ j.
        for i in 0...6 { for j in 0...6 where i != j {
            var sum = 0.0
            for d in 0...6 {
                let product = Combinatorics.krawtchouk(distance: d, order: i) * Combinatorics.krawtchouk(distance: d, order: j)
                sum += Double(product) / Double(Combinatorics.sphereSize(d))
            }
            #expect(abs(sum) < 1e-9)
        } }
    }
}
