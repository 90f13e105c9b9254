import SearchSpace

/// Fitness against edit distance to the global maximum x*, for the figures and tables.
public struct FitnessDistanceProfile: Sendable, Codable, Equatable {
    /// Summary of the fitness of the cells at one distance from x*.
    public struct Shell: Sendable, Codable, Equatable {
        public let distance: Int
        public let count: Int
        public let mean: Double
        public let min: Double
        public let max: Double
    }

    /// One shell per distance 0…6; every shell is non-empty on the full space.
    public let shells: [Shell]
    /// d(x, x*) for every cell, indexed by API index, so a caller can tabulate f against it.
    public let distanceByAPIIndex: [Int]

    /// - Parameter distanceByCode: d(x, x*) indexed by cell code.
    public init(fitness: FitnessFunction, distanceByCode: [Int]) {
        var count = [Int](repeating: 0, count: Cell.edgeCount + 1)
        var sum = [Double](repeating: 0, count: Cell.edgeCount + 1)
        var low = [Double](repeating: .infinity, count: Cell.edgeCount + 1)
        var high = [Double](repeating: -.infinity, count: Cell.edgeCount + 1)
        var byAPI = [Int](repeating: 0, count: Cell.count)
        for x in 0..<Cell.count {
            let d = distanceByCode[x], f = fitness.values[x]
            count[d] += 1
            sum[d] += f
            low[d] = Swift.min(low[d], f)
            high[d] = Swift.max(high[d], f)
            byAPI[Int(fitness.apiIndex[x])] = d
        }
        shells = (0...Cell.edgeCount).map { d in
            Shell(distance: d, count: count[d], mean: sum[d] / Double(count[d]), min: low[d], max: high[d])
        }
        distanceByAPIIndex = byAPI
    }
}
