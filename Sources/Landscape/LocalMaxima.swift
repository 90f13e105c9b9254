import SearchSpace

/// The strict local maxima of a fitness function: cells fitter than all 24 neighbours.
public enum LocalMaxima {
    /// Codes of every strict local maximum, best first (higher fitness, ties to the lower API index).
    public static func codes(of fitness: FitnessFunction, neighbours: NeighbourTable) -> [Int] {
        let values = fitness.values
        var maxima: [Int] = []
        for x in 0..<Cell.count {
            let fx = values[x]
            var isMaximum = true
            for slot in 0..<NeighbourTable.degree where values[neighbours[x, slot]] >= fx {
                isMaximum = false
                break
            }
            if isMaximum { maxima.append(x) }
        }
        return maxima.sorted(by: fitness.ranksAbove)
    }
}
