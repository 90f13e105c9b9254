import SearchSpace

/// Best-improvement local search with restarts (science.md; White et al. 2021, "Exploring the loss
/// landscape in neural architecture search"): query a uniformly drawn start and all 24 neighbours, move
/// to the best neighbour if it is strictly better than the current cell, otherwise restart at a new
/// uniformly drawn cell (one not yet queried).
///
/// An iteration is one neighbourhood: it moves to the best neighbour or to the restart cell. The 24
/// neighbours are queried in a fresh uniformly random order, so the query at which a target appears
/// inside a neighbourhood carries no bias from the neighbour table's order. The best neighbour is the
/// highest fitness, ties to the lower API index. Every climb strictly improves and every restart
/// queries a new cell, so a run ends.
public struct LocalSearch: SearchAlgorithm {
    public init() {}

    public var id: AlgorithmID { .localSearch }
    public var parameters: [String: Double] { [:] }

    public func search(_ run: inout SearchRun) {
        let fitness = run.landscape.fitness
        let table = run.landscape.neighbours
        var order = Array(0..<NeighbourTable.degree)
        var current = run.start()
        var currentFitness = run.landscape.value(current)
        if run.isFinished { return }
        while true {
            for slot in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(slot, run.generator.nextInt(below: slot + 1))
            }
            var best = -1
            for slot in order {
                let neighbour = table[current, slot]
                _ = run.query(neighbour)
                if run.isFinished { return }
                if best < 0 || fitness.ranksAbove(neighbour, best) { best = neighbour }
            }
            let next: Int
            if fitness.values[best] > currentFitness {
                next = best
            } else {
                next = run.restart()
            }
            run.completeIteration(from: current, to: next)
            if run.isFinished { return }
            current = next
            currentFitness = fitness.values[next]
        }
    }
}
