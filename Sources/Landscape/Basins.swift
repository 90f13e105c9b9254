import SearchSpace

/// Weak and strong basins of attraction of the strict local maxima.
///
/// The weak basin of a maximum m holds every cell reachable from m by moves to neighbours with
/// f ≤ f(current) — the cells from which some non-worsening climb can end at m. A cell's strong basin
/// is the weak basin it alone belongs to. A strict local maximum lies only in its own weak basin (no
/// neighbour can step up to it), so every strong basin holds at least its maximum.
public struct Basins: Sendable, Equatable {
    /// Per maximum, in the order given: weak-basin size (cells, including m).
    public let weakSizes: [Int]
    /// Per maximum: the largest edit distance from m to a cell of its weak basin.
    public let weakExtents: [Int]
    /// Per maximum: the number of cells in m's weak basin and in no other.
    public let strongSizes: [Int]
    /// Per maximum: the largest edit distance from m to a cell of its strong basin.
    public let strongExtents: [Int]

    /// - Parameter maxima: codes of the strict local maxima.
    public init(fitness: FitnessFunction, maxima: [Int], neighbours: NeighbourTable) {
        let values = fitness.values
        var membership = [UInt16](repeating: 0, count: Cell.count)
        var owner = [Int32](repeating: -1, count: Cell.count)
        // A cell is visited in the current search when its stamp equals that search's number.
        var stamp = [Int32](repeating: -1, count: Cell.count)
        var queue = [Int32](repeating: 0, count: Cell.count)
        var weakSizes: [Int] = [], weakExtents: [Int] = []
        for (basin, peak) in maxima.enumerated() {
            let peakCell = Cell(code: peak)
            var head = 0, tail = 1, extent = 0
            queue[0] = Int32(peak)
            stamp[peak] = Int32(basin)
            while head < tail {
                let x = Int(queue[head])
                head += 1
                membership[x] += 1
                owner[x] = Int32(basin)
                extent = max(extent, Cell(code: x).distance(to: peakCell))
                let fx = values[x]
                for slot in 0..<NeighbourTable.degree {
                    let y = neighbours[x, slot]
                    if stamp[y] != Int32(basin), values[y] <= fx {
                        stamp[y] = Int32(basin)
                        queue[tail] = Int32(y)
                        tail += 1
                    }
                }
            }
            weakSizes.append(tail)
            weakExtents.append(extent)
        }
        var strongSizes = [Int](repeating: 0, count: maxima.count)
        var strongExtents = [Int](repeating: 0, count: maxima.count)
        for x in 0..<Cell.count where membership[x] == 1 {
            let basin = Int(owner[x])
            strongSizes[basin] += 1
            strongExtents[basin] = max(strongExtents[basin], Cell(code: x).distance(to: Cell(code: maxima[basin])))
        }
        self.weakSizes = weakSizes
        self.weakExtents = weakExtents
        self.strongSizes = strongSizes
        self.strongExtents = strongExtents
    }

    /// Mean weak-basin size; nil without maxima.
    public var averageWeakSize: Double? {
        weakSizes.isEmpty ? nil : Double(weakSizes.reduce(0, +)) / Double(weakSizes.count)
    }

    /// Strong basins that hold more than their maximum. Every maximum has a strong basin of at least
    /// itself, so counting those would just repeat the number of maxima.
    public var nonTrivialStrongCount: Int { strongSizes.filter { $0 > 1 }.count }
}
