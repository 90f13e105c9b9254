import Testing
import Algorithms
import SearchSpace
import Statistics

@Suite struct LocalSearchTests {
    /// Local search as science.md words it, written plainly with a Set and consuming the same random
    /// numbers in the same order: a uniform unqueried start (redraw while cached), neighbours in the table's
    /// order (edge by edge, operations ascending) shuffled by Fisher–Yates each step, strict improvement.
    static func naiveQueriesToGlobalMaximum(_ landscape: SearchLandscape, generator start: SeededGenerator) -> Int {
        var generator = start
        let f = landscape.fitness.values, api = landscape.fitness.apiIndex
        let maximum = f.max()!
        var queried = Set<Int>()
        var hit = 0
        func query(_ cell: Int) {
            if queried.insert(cell).inserted, hit == 0, f[cell] >= maximum { hit = queried.count }
        }
        func newCell() -> Int {
            var cell: Int
            repeat { cell = generator.nextInt(below: Cell.count) } while queried.contains(cell)
            return cell
        }
        func neighbours(_ x: Int) -> [Int] {
            var result: [Int] = []
            for edge in 0..<6 {
                let stride = Cell.strides[edge], op = (x / stride) % 5
                for other in 0..<5 where other != op { result.append(x + (other - op) * stride) }
            }
            return result
        }
        var order = Array(0..<24)
        var current = newCell()
        query(current)
        while hit == 0 {
            for slot in stride(from: 23, to: 0, by: -1) { order.swapAt(slot, generator.nextInt(below: slot + 1)) }
            let around = neighbours(current)
            for slot in order {
                query(around[slot])
                if hit > 0 { return hit }
            }
            let best = around.max { a, b in f[a] != f[b] ? f[a] < f[b] : api[a] > api[b] }!
            if f[best] > f[current] {
                current = best
            } else {
                current = newCell()
                query(current)
            }
        }
        return hit
    }

    /// On the rugged landscape and on a coarse copy of it (fitness rounded to whole points, so that many
    /// neighbours tie as NATS-Bench's isomorphic cells do, which exercises the tie rule and the strict
    /// improvement test).
    @Test(arguments: [1e-9, 1])
    func queriesToTheOptimumMatchANaiveImplementation(resolution: Double) {
        let values = TestLandscapes.rugged.fitness.values.map { ($0 / resolution).rounded() * resolution }
        let landscape = TestLandscapes.landscape("rounded", values)
        let streams = SeededGenerator(seed: 21)
        let records = AlgorithmStudy.runUntilGlobalMaximum(LocalSearch(), on: landscape, runs: 0..<150, budget: 10,
                                                           streams: streams)
        let naive = (0..<150).map { Self.naiveQueriesToGlobalMaximum(landscape, generator: streams.stream(UInt64($0))) }
        #expect(records.map { $0.runtimes[0] } == naive)
        // The landscape is rugged enough that the comparison covers restarts.
        #expect(records.map(\.restarts).reduce(0, +) > 30)
    }

    /// On f = −d(x, t) every improving neighbour fixes one wrong edge, so from distance d the climb takes
    /// d steps, never restarts, and its neighbourhoods overlap exactly: the first adds 24 new cells, the
    /// second 20 (it contains the start and 3 common neighbours), later ones 19 (also one corner shared
    /// with the neighbourhood two steps back). The target is one of the last neighbourhood's U new cells,
    /// at a uniform position in the shuffled order: E[Q | d] = Q_before(d) + (U(d) + 1)/2.
    static func exactExpectedQueries(distance d: Int) -> Double {
        let newCells = (0..<d).map { step in step == 0 ? 24 : step == 1 ? 20 : 19 }
        guard d > 0 else { return 1 }
        let before = 1 + newCells.dropLast().reduce(0, +)
        return Double(before) + Double(newCells[d - 1] + 1) / 2
    }

    @Test func singleBasinQueriesAreExact() {
        let target = 9_876
        let landscape = TestLandscapes.singleBasin(target: target)
        let expected = (0...6).reduce(0.0) { sum, d in
            sum + Double(Combinatorics.sphereSize(d)) / Double(Cell.count) * Self.exactExpectedQueries(distance: d)
        }
        let records = AlgorithmStudy.runUntilGlobalMaximum(LocalSearch(), on: landscape, runs: 0..<3000, budget: 10,
                                                           streams: SeededGenerator(seed: 8))
        #expect(records.allSatisfy { $0.restarts == 0 })
        let (mean, error) = TestLandscapes.meanAndError(records.map { $0.runtimes[0] })
        #expect(abs(mean - expected) < 4 * error, "mean \(mean) ± \(error), exact \(expected)")
        #expect(error < 0.5)
    }

    /// From a start at distance d the first d iterations each move one edge closer: reach and
    /// improvability per iteration are exactly 1.
    @Test(arguments: [1, 3, 6])
    func singleBasinClimbMovesOneEdgeAndGainsOnePointPerIteration(distance: Int) {
        let target = 9_876
        let landscape = TestLandscapes.singleBasin(target: target)
        let start = Cell(code: target).cells(atDistance: distance)[17].code
        let group = StartCells(name: "one", members: [start])
        let records = AlgorithmStudy.runFromGroup(LocalSearch(), group, on: landscape, runs: 0..<20,
                                                  pathLengths: [distance], streams: SeededGenerator(seed: 2))
        #expect(records.allSatisfy { $0.distanceMoved == [distance] && $0.fitnessGained == [Double(distance)] })
    }
}
