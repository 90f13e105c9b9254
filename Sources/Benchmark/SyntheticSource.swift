import Support
import SearchSpace
import Statistics

/// The built-in synthetic benchmark: a deterministic landscape over the 15,625 cells, shaped like a real
/// NAS benchmark so that the whole pipeline runs with no download. Never a stand-in for real results.
///
/// The model (documented in the README):
/// - a cell with no path of non-`none` edges from input to output sits exactly at chance accuracy
///   (one large neutral plateau, as in NATS-Bench);
/// - otherwise a score adds, over the *live* edges (those on some input→output path), a per-operation
///   gain (3×3 convolution > 1×1 convolution > skip > pooling), a seeded per-(edge, operation) offset and a
///   seeded interaction for every pair of live edges, plus a bonus per convolution on the deepest path;
/// - the score is squashed by a logistic curve into the metric's accuracy band and seeded per-cell
///   noise is added;
/// - three metrics of rising difficulty share the structure (as real datasets do) but not the noise;
/// - API indices are a seeded permutation of the cells, so nothing may assume API order = code order.
public enum SyntheticSource {
    public static let input = "synthetic"

    struct Difficulty {
        let name: String
        let chance: Double
        let low: Double
        let high: Double
        let noise: Double
    }

    static let difficulties = [
        Difficulty(name: "synthetic-easy", chance: 10, low: 72, high: 94.5, noise: 0.25),
        Difficulty(name: "synthetic-medium", chance: 1, low: 38, high: 73.5, noise: 0.6),
        Difficulty(name: "synthetic-hard", chance: 100.0 / 120.0, low: 14, high: 47.5, noise: 0.9),
    ]

    /// Gain of each operation on a live edge, in `Operation` order.
    static let operationGain: [Double] = [0, 0.35, 0.9, 1.5, 0.15]

    public static func make(seed: UInt64) -> Benchmark {
        let root = SeededGenerator(seed: seed, stream: 0x5EED_5A7A)
        var structure = root.stream(1)
        let edgeOffsets = (0..<Cell.edgeCount * Cell.operationCount).map { _ in 0.25 * structure.nextGaussian() }
        let interactions = (0..<Cell.edgeCount * Cell.edgeCount * 25).map { _ in 0.12 * structure.nextGaussian() }
        let scores = Cell.all.map { score($0, edgeOffsets: edgeOffsets, interactions: interactions) }
        let connectedScores = scores.compactMap { $0 }.sorted()
        let centre = connectedScores[connectedScores.count / 2]
        let spread = connectedScores[connectedScores.count * 9 / 10] - connectedScores[connectedScores.count / 10]

        var permutation = Array(0..<Cell.count)
        var shuffler = root.stream(2)
        for i in stride(from: Cell.count - 1, to: 0, by: -1) { permutation.swapAt(i, shuffler.nextInt(below: i + 1)) }
        let cells = permutation.map(Cell.init(code:))

        let metrics = difficulties.enumerated().map { slot, difficulty in
            var noise = root.stream(100 + UInt64(slot))
            var byCode = [Double](repeating: difficulty.chance, count: Cell.count)
            for code in 0..<Cell.count {
                let draw = noise.nextGaussian()  // drawn for every cell so that values never shift with connectivity
                guard let score = scores[code] else { continue }
                let squashed = 1 / (1 + _exp(-2.2 * (score - centre) / spread))
                let accuracy = difficulty.low + (difficulty.high - difficulty.low) * squashed + difficulty.noise * draw
                byCode[code] = min(100, max(difficulty.chance, accuracy))
            }
            return Metric(dataset: difficulty.name, split: "test", epochs: 200, column: "\(difficulty.name)/test",
                          values: cells.map { byCode[$0.code] })
        }
        let description = "nasreach synthetic landscape v1, seed \(seed)"
        return Benchmark(source: SourceDescription(kind: .synthetic, input: input, sha256: SHA256.hex(of: Array(description.utf8)), floatParsing: .correctlyRounded),
                         cells: cells, metrics: metrics)
    }

    /// The structural score of a connected cell, nil for a disconnected one.
    static func score(_ cell: Cell, edgeOffsets: [Double], interactions: [Double]) -> Double? {
        let live = liveEdges(cell)
        guard !live.isEmpty else { return nil }
        var score = 0.0
        for edge in live {
            let op = cell.operation(onEdge: edge).rawValue
            score += operationGain[op] + edgeOffsets[edge * Cell.operationCount + op]
            for other in live where other > edge {
                let pair = (edge * Cell.edgeCount + other) * 25 + op * 5 + cell.operation(onEdge: other).rawValue
                score += interactions[pair]
            }
        }
        return score + 0.3 * Double(deepestConvolutionCount(cell))
    }

    /// Edges with a non-`none` op lying on some input→output path.
    static func liveEdges(_ cell: Cell) -> [Int] {
        var fromInput = [true, false, false, false]
        for (edge, nodes) in Cell.edges.enumerated() where fromInput[nodes.from] && cell.operation(onEdge: edge).connects {
            fromInput[nodes.to] = true
        }
        var toOutput = [false, false, false, true]
        for (edge, nodes) in Cell.edges.enumerated().reversed() where toOutput[nodes.to] && cell.operation(onEdge: edge).connects {
            toOutput[nodes.from] = true
        }
        guard fromInput[3] else { return [] }
        return Cell.edges.indices.filter { edge in
            let nodes = Cell.edges[edge]
            return cell.operation(onEdge: edge).connects && fromInput[nodes.from] && toOutput[nodes.to]
        }
    }

    /// The most convolutions on one input→output path of live edges.
    static func deepestConvolutionCount(_ cell: Cell) -> Int {
        var best: [Int?] = [0, nil, nil, nil]
        for (edge, nodes) in Cell.edges.enumerated() {
            let op = cell.operation(onEdge: edge)
            guard op.connects, let start = best[nodes.from] else { continue }
            let value = start + (op == .conv1x1 || op == .conv3x3 ? 1 : 0)
            best[nodes.to] = max(best[nodes.to] ?? value, value)
        }
        return best[3] ?? 0
    }
}
