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
    /// Which weak basins each cell lies in: bit b of word `cell · wordsPerCell + b / 64` is set for basin b
    /// (kept for the lab-compatible measures, which need the sets themselves).
    let membershipBits: [UInt64]
    let wordsPerCell: Int

    /// - Parameter maxima: codes of the strict local maxima.
    ///
    /// Rather than one search per maximum, every cell gets a bitset of the weak basins it lies in, in
    /// one pass from the fittest cells down: a non-increasing path from m reaches x either through a
    /// strictly fitter neighbour of x or through x's plateau (its component of equal-fitness
    /// neighbours), so a plateau's set is the union of its strictly fitter neighbours' sets, plus the
    /// bits of any maxima on it.
    public init(fitness: FitnessFunction, maxima: [Int], neighbours: NeighbourTable) {
        let values = fitness.values
        let words = max(1, (maxima.count + 63) / 64)
        var basinBits = [UInt64](repeating: 0, count: Cell.count * words)
        var seedBits = [UInt64](repeating: 0, count: Cell.count * words)
        for (basin, peak) in maxima.enumerated() { seedBits[peak * words + basin / 64] |= 1 << UInt64(basin % 64) }
        var done = [Bool](repeating: false, count: Cell.count)
        var plateau: [Int] = []
        var union = [UInt64](repeating: 0, count: words)
        for start in (0..<Cell.count).sorted(by: { values[$0] > values[$1] }) where !done[start] {
            let f = values[start]
            plateau.removeAll(keepingCapacity: true)
            plateau.append(start)
            done[start] = true
            for w in 0..<words { union[w] = 0 }
            var head = 0
            while head < plateau.count {
                let x = plateau[head]
                head += 1
                for w in 0..<words { union[w] |= seedBits[x * words + w] }
                for slot in 0..<NeighbourTable.degree {
                    let y = neighbours[x, slot]
                    if values[y] > f {
                        for w in 0..<words { union[w] |= basinBits[y * words + w] }
                    } else if values[y] == f, !done[y] {
                        done[y] = true
                        plateau.append(y)
                    }
                }
            }
            for x in plateau {
                for w in 0..<words { basinBits[x * words + w] = union[w] }
            }
        }
        var weakSizes = [Int](repeating: 0, count: maxima.count)
        var weakExtents = [Int](repeating: 0, count: maxima.count)
        var strongSizes = [Int](repeating: 0, count: maxima.count)
        var strongExtents = [Int](repeating: 0, count: maxima.count)
        let peaks = maxima.map(Cell.init(code:))
        for x in 0..<Cell.count {
            let cell = Cell(code: x)
            var memberships = 0, lastBasin = 0
            for w in 0..<words {
                var bits = basinBits[x * words + w]
                memberships += bits.nonzeroBitCount
                while bits != 0 {
                    let basin = w * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    lastBasin = basin
                    weakSizes[basin] += 1
                    weakExtents[basin] = max(weakExtents[basin], cell.distance(to: peaks[basin]))
                }
            }
            if memberships == 1 {
                strongSizes[lastBasin] += 1
                strongExtents[lastBasin] = max(strongExtents[lastBasin], cell.distance(to: peaks[lastBasin]))
            }
        }
        self.weakSizes = weakSizes
        self.weakExtents = weakExtents
        self.strongSizes = strongSizes
        self.strongExtents = strongExtents
        membershipBits = basinBits
        wordsPerCell = words
    }

    /// Mean weak-basin size; nil without maxima.
    public var averageWeakSize: Double? {
        weakSizes.isEmpty ? nil : Double(weakSizes.reduce(0, +)) / Double(weakSizes.count)
    }

    /// Strong basins that hold more than their maximum. Every maximum has a strong basin of at least
    /// itself, so counting those would just repeat the number of maxima.
    public var nonTrivialStrongCount: Int { strongSizes.filter { $0 > 1 }.count }
}
