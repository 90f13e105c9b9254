import SearchSpace

/// Neutral networks: connected components, of more than one cell, of the graph that links neighbours
/// with exactly equal fitness.
public struct NeutralNetworks: Sendable, Equatable {
    public struct Network: Sendable, Equatable, Codable {
        public let size: Int
        public let fitness: Double
        /// The lowest API index among its cells, to name the network.
        public let representative: Int
        /// Distinct isomorphism classes among its cells; nil when the classes are unknown.
        public let isomorphismClasses: Int?
    }

    /// Every network, largest first (ties: higher fitness, then lower representative).
    public let networks: [Network]
    /// The distinct fitness values of cells adjacent to the largest network, ascending; empty without
    /// networks. None equals the network's own fitness, or that cell would belong to the network.
    public let largestNeighbourValues: [Double]

    /// - Parameter classes: isomorphism-class key per cell code, when known.
    public init(fitness: FitnessFunction, classes: [String]?, neighbours: NeighbourTable) {
        precondition(classes.map { $0.count == Cell.count } ?? true, "one isomorphism class per cell")
        let values = fitness.values
        let classIDs = classes.map(NeutralNetworks.denseIDs)
        var component = [Int32](repeating: -1, count: Cell.count)
        var classSeen = [Int32](repeating: -1, count: Cell.count)
        var queue = [Int32](repeating: 0, count: Cell.count)
        var found: [(network: Network, label: Int32)] = []
        var label: Int32 = 0
        for start in 0..<Cell.count where component[start] < 0 {
            let f = values[start]
            var head = 0, tail = 1
            queue[0] = Int32(start)
            component[start] = label
            var representative = Int.max, distinctClasses = 0
            while head < tail {
                let x = Int(queue[head])
                head += 1
                representative = min(representative, Int(fitness.apiIndex[x]))
                if let classIDs, classSeen[classIDs[x]] != label {
                    classSeen[classIDs[x]] = label
                    distinctClasses += 1
                }
                for slot in 0..<NeighbourTable.degree {
                    let y = neighbours[x, slot]
                    if component[y] < 0, values[y] == f {
                        component[y] = label
                        queue[tail] = Int32(y)
                        tail += 1
                    }
                }
            }
            if tail > 1 {
                let network = Network(size: tail, fitness: f, representative: representative,
                                      isomorphismClasses: classIDs == nil ? nil : distinctClasses)
                found.append((network, label))
            }
            label += 1
        }
        found.sort { a, b in
            let (x, y) = (a.network, b.network)
            if x.size != y.size { return x.size > y.size }
            if x.fitness != y.fitness { return x.fitness > y.fitness }
            return x.representative < y.representative
        }
        networks = found.map(\.network)
        var adjacent = Set<Double>()
        if let largest = found.first?.label {
            for x in 0..<Cell.count where component[x] == largest {
                for slot in 0..<NeighbourTable.degree where component[neighbours[x, slot]] != largest {
                    adjacent.insert(values[neighbours[x, slot]])
                }
            }
        }
        largestNeighbourValues = adjacent.sorted()
    }

    /// The largest network, if any.
    public var largest: Network? { networks.first }

    /// How many of the values adjacent to the largest network are fitter than it.
    public var largestFitterNeighbourValues: Int {
        guard let largest else { return 0 }
        return largestNeighbourValues.filter { $0 > largest.fitness }.count
    }

    /// Maps each key to 0, 1, 2, … in order of first appearance.
    private static func denseIDs(_ keys: [String]) -> [Int] {
        var ids: [String: Int] = [:]
        return keys.map { key in
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
    }
}
