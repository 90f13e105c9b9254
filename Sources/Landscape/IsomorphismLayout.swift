import SearchSpace

/// How local maxima and neutral networks fall on isomorphism classes (cells that compute the same function,
/// the `UniqueString` column). NATS-Bench trained every cell separately, so isomorphic cells need not share
/// an accuracy; these counts show how much of the landscape's neutrality and modality is the benchmark
/// repeating one function under different encodings.
public struct IsomorphismLayout: Sendable, Codable, Equatable {
    /// Distinct classes over the whole space.
    public let classes: Int
    /// Neighbour pairs (unordered; 15,625 · 24 / 2 in all) whose two cells are in one class.
    public let isomorphicNeighbourPairs: Int
    /// Neighbour pairs with exactly equal fitness (the edges of the neutral networks).
    public let neutralNeighbourPairs: Int
    /// Neutral pairs whose two cells are in one class: neutral moves that do not change the function.
    public let neutralIsomorphicNeighbourPairs: Int
    public let localMaxima: Int
    /// Distinct classes among the strict local maxima.
    public let localMaximaClasses: Int
    /// Local maxima that are the only cell of their class.
    public let localMaximaAloneInClass: Int
    /// Mean class size over the local maxima (the space's mean is 15,625 / `classes`).
    public let localMaximaMeanClassSize: Double?
    public let neutralNetworks: Int
    /// Networks whose cells all lie in one class.
    public let neutralNetworksWithinOneClass: Int
    /// Distinct classes among the cells of the largest network (nasreach's order: size, then fitness).
    public let largestNeutralNetworkClasses: Int?

    /// - Parameter classes: class key per cell code.
    public init(analysis: LandscapeAnalysis, classes: [String], neighbours: NeighbourTable = NeighbourTable()) {
        precondition(classes.count == Cell.count, "one isomorphism class per cell")
        var classSize: [String: Int] = [:]
        for key in classes { classSize[key, default: 0] += 1 }
        self.classes = classSize.count
        let values = analysis.fitness.values
        var isomorphic = 0, neutral = 0, neutralIsomorphic = 0
        for x in 0..<Cell.count {
            for slot in 0..<NeighbourTable.degree {
                let y = neighbours[x, slot]
                guard y > x else { continue }  // each unordered pair once
                let sameClass = classes[x] == classes[y], sameFitness = values[x] == values[y]
                if sameClass { isomorphic += 1 }
                if sameFitness { neutral += 1 }
                if sameClass && sameFitness { neutralIsomorphic += 1 }
            }
        }
        isomorphicNeighbourPairs = isomorphic
        neutralNeighbourPairs = neutral
        neutralIsomorphicNeighbourPairs = neutralIsomorphic
        let maxima = analysis.localMaxima
        localMaxima = maxima.count
        localMaximaClasses = Set(maxima.map { classes[$0] }).count
        localMaximaAloneInClass = maxima.filter { classSize[classes[$0]] == 1 }.count
        localMaximaMeanClassSize = maxima.isEmpty ? nil : Double(maxima.map { classSize[classes[$0]]! }.reduce(0, +)) / Double(maxima.count)
        // The analysis counts classes per network only when it was given the classes.
        let networks = analysis.neutralNetworks.networks.allSatisfy { $0.isomorphismClasses != nil }
            ? analysis.neutralNetworks.networks
            : NeutralNetworks(fitness: analysis.fitness, classes: classes, neighbours: neighbours).networks
        neutralNetworks = networks.count
        neutralNetworksWithinOneClass = networks.filter { $0.isomorphismClasses == 1 }.count
        largestNeutralNetworkClasses = networks.first?.isomorphismClasses
    }
}
