import Algorithms
import SearchSpace
import Statistics

/// Landscapes for the algorithm tests.
enum TestLandscapes {
    static let neighbours = NeighbourTable()

    /// Per-edge effects, adjacent-edge interactions and noise: rugged, with many local maxima, so local
    /// search restarts and evolution meets plateaus of cached cells.
    static let rugged: SearchLandscape = {
        var generator = SeededGenerator(seed: 7)
        let effects = (0..<30).map { _ in generator.nextGaussian() }
        let pairs = (0..<125).map { _ in 0.7 * generator.nextGaussian() }
        let values = (0..<Cell.count).map { x -> Double in
            let ops = Cell(code: x).operations.map(\.rawValue)
            var value = 70.0
            for edge in 0..<6 { value += effects[edge * 5 + ops[edge]] }
            for edge in 0..<5 { value += pairs[edge * 25 + ops[edge] * 5 + ops[edge + 1]] }
            return value + 0.4 * generator.nextGaussian()
        }
        return landscape("rugged", values)
    }()

    /// The top and bottom ⌈N/10⌉ cells (ties to the lower API index) and every cell, as `Search.StartGroup` makes them.
    static func standardGroups(_ fitness: FitnessFunction) -> [StartCells] {
        let ranked = (0..<Cell.count).sorted(by: fitness.ranksAbove)
        let tenth = (Cell.count + 9) / 10
        return [
            StartCells(name: "top10", members: ranked.prefix(tenth).sorted()),
            StartCells(name: "bottom10", members: ranked.suffix(tenth).sorted()),
            StartCells(name: "all", members: Array(0..<Cell.count)),
        ]
    }

    static func landscape(_ name: String, _ values: [Double], groups: [StartCells]? = nil) -> SearchLandscape {
        let fitness = FitnessFunction(valuesByCode: values)
        return SearchLandscape(metric: name, fitness: fitness, neighbours: neighbours,
                               startGroups: groups ?? standardGroups(fitness))
    }

    /// f = −d(x, target): one basin, whose only maximum is `target`.
    static func singleBasin(target: Int) -> SearchLandscape {
        landscape("basin", (0..<Cell.count).map { -Double(Cell(code: $0).distance(to: Cell(code: target))) })
    }

    /// Mean and standard error of integers.
    static func meanAndError(_ values: [Int]) -> (mean: Double, error: Double) {
        let doubles = values.map(Double.init)
        return (Descriptive.mean(doubles), Descriptive.standardDeviation(doubles) / Double(doubles.count).squareRoot())
    }
}
