import SearchSpace
import Statistics
import Support

/// The locality measures under the lab's own names and definitions (Tao & Bang 2024, code in
/// v-tao/nats-bench-landscape), so that nasreach's numbers can sit beside the published ones
/// (`landscape{id}.labCompatible`). Field names are exactly the lab's summary keys.
///
/// Where the lab's definitions differ from nasreach's (science.md, "Locality of the landscape"):
/// - a weak basin is the cells reachable from the maximum by non-increasing moves, *without* the maximum
///   itself, so each basin is one cell smaller than nasreach's;
/// - an "extent" is a share of the 15,625 cells (of the union of the weak or strong basins, or of the global
///   maximum's basin), not an edit distance;
/// - a strong basin is a weak basin minus every cell that lies in two weak basins that differ as sets (the
///   lab compares basins by value, so two identical basins would not exclude each other's cells); only
///   non-empty strong basins are counted;
/// - the largest neutral network is the first of the largest in the order the lab's search finds them
///   (lowest API index first), not nasreach's order (size, then fitness);
/// - `largestNeutralNetMaxEditDistance` and `...AvgEditDistance` are over pairs of the network's members.
///   The lab's code measured pairs of the architectures at API indices 0…n−1 instead (it indexed the
///   genotype list with the loop counters, not with the members); `LabIndexingSlip` computes that value;
/// - `correlationLength` comes from the lab's Monte Carlo estimator (`LabAutocorrelationEstimate`), not the
///   exact autocorrelation.
/// Counts are held as doubles, like every number of the published summary. A value the lab's code could not
/// have produced (it would divide by zero or fail) is nil.
public struct LabCompatibleLandscape: Codable, Sendable, Equatable, WritesNullFields {
    public let maxFitness: Double?
    public let avgFitnessDiffFromMax: Double?
    public let fdc: Double?
    public let spearmanr: Double?
    public let kendalltau: Double?
    public let numLocalMaxima: Double?
    /// Local maxima per cell of the space.
    public let modality: Double?
    public let localMaximaPearsonr: Double?
    public let localMaximaSpearmanr: Double?
    public let localMaximaKendallTau: Double?
    public let numWeakBasins: Double?
    public let avgWeakBasinSize: Double?
    public let weakBasinExtent: Double?
    public let fitnessWeakBasinSizePearsonr: Double?
    public let globalMaxWeakBasinExtent: Double?
    public let numStrongBasins: Double?
    public let avgStrongBasinSize: Double?
    public let strongBasinExtent: Double?
    public let globalMaxStrongBasinExtent: Double?
    public let numNeutralNets: Double?
    public let avgNeutralNetSize: Double?
    public let maxNeutralNetSize: Double?
    public let largestNeutralNetFitness: Double?
    /// Distinct isomorphism classes among the network's cells; nil without the `UniqueString` column.
    public let largestNeutralNetUniquePhenotypes: Double?
    public let largestNeutralNetUniqueNeighborGenotypes: Double?
    public let largestNeutralNetUniqueNeighborPhenotypes: Double?
    public let largestNeutralNetMaxEditDistance: Double?
    public let largestNeutralNetAvgEditDistance: Double?
    /// Distinct fitness values among the cells adjacent to the network.
    public let largestNeutralNetPercolationIndex: Double?
    public let correlationLength: Double?

    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case maxFitness, avgFitnessDiffFromMax
        case fdc = "FDC"
        case spearmanr, kendalltau, numLocalMaxima, modality
        case localMaximaPearsonr, localMaximaSpearmanr, localMaximaKendallTau
        case numWeakBasins, avgWeakBasinSize, weakBasinExtent, fitnessWeakBasinSizePearsonr, globalMaxWeakBasinExtent
        case numStrongBasins, avgStrongBasinSize, strongBasinExtent, globalMaxStrongBasinExtent
        case numNeutralNets, avgNeutralNetSize, maxNeutralNetSize, largestNeutralNetFitness
        case largestNeutralNetUniquePhenotypes, largestNeutralNetUniqueNeighborGenotypes, largestNeutralNetUniqueNeighborPhenotypes
        case largestNeutralNetMaxEditDistance, largestNeutralNetAvgEditDistance, largestNeutralNetPercolationIndex
        case correlationLength
    }

    /// The value of one field, for comparisons field by field.
    public subscript(field: CodingKeys) -> Double? {
        switch field {
        case .maxFitness: maxFitness
        case .avgFitnessDiffFromMax: avgFitnessDiffFromMax
        case .fdc: fdc
        case .spearmanr: spearmanr
        case .kendalltau: kendalltau
        case .numLocalMaxima: numLocalMaxima
        case .modality: modality
        case .localMaximaPearsonr: localMaximaPearsonr
        case .localMaximaSpearmanr: localMaximaSpearmanr
        case .localMaximaKendallTau: localMaximaKendallTau
        case .numWeakBasins: numWeakBasins
        case .avgWeakBasinSize: avgWeakBasinSize
        case .weakBasinExtent: weakBasinExtent
        case .fitnessWeakBasinSizePearsonr: fitnessWeakBasinSizePearsonr
        case .globalMaxWeakBasinExtent: globalMaxWeakBasinExtent
        case .numStrongBasins: numStrongBasins
        case .avgStrongBasinSize: avgStrongBasinSize
        case .strongBasinExtent: strongBasinExtent
        case .globalMaxStrongBasinExtent: globalMaxStrongBasinExtent
        case .numNeutralNets: numNeutralNets
        case .avgNeutralNetSize: avgNeutralNetSize
        case .maxNeutralNetSize: maxNeutralNetSize
        case .largestNeutralNetFitness: largestNeutralNetFitness
        case .largestNeutralNetUniquePhenotypes: largestNeutralNetUniquePhenotypes
        case .largestNeutralNetUniqueNeighborGenotypes: largestNeutralNetUniqueNeighborGenotypes
        case .largestNeutralNetUniqueNeighborPhenotypes: largestNeutralNetUniqueNeighborPhenotypes
        case .largestNeutralNetMaxEditDistance: largestNeutralNetMaxEditDistance
        case .largestNeutralNetAvgEditDistance: largestNeutralNetAvgEditDistance
        case .largestNeutralNetPercolationIndex: largestNeutralNetPercolationIndex
        case .correlationLength: correlationLength
        }
    }

    /// The lab-compatible values of one analysed metric.
    /// - Parameters:
    ///   - isomorphismClasses: class key per cell code (the `UniqueString` column), when known.
    ///   - autocorrelation: the lab's estimator; by default on nasreach's seeded walks under the analysis seed.
    public init(analysis: LandscapeAnalysis, isomorphismClasses: [String]?, neighbours: NeighbourTable = NeighbourTable(),
                autocorrelation: LabAutocorrelationEstimate? = nil) {
        let fitness = analysis.fitness
        let values = fitness.values
        let cellCount = Double(Cell.count)
        let maxima = analysis.localMaxima
        let best = values[analysis.globalMaximum]

        maxFitness = best
        avgFitnessDiffFromMax = values.reduce(0) { $0 + ($1 - best) } / cellCount
        fdc = defined(analysis.fitnessDistance.pearson.statistic)
        spearmanr = defined(analysis.fitnessDistance.spearman.statistic)
        kendalltau = defined(analysis.fitnessDistance.kendall.tau)
        numLocalMaxima = Double(maxima.count)
        modality = Double(maxima.count) / cellCount
        localMaximaPearsonr = defined(analysis.localMaximaCorrelation.pearson.statistic)
        localMaximaSpearmanr = defined(analysis.localMaximaCorrelation.spearman.statistic)
        localMaximaKendallTau = defined(analysis.localMaximaCorrelation.kendall.tau)

        let basins = LabBasins(analysis.basins, maxima: maxima)
        let globalBasin = maxima.firstIndex(of: analysis.globalMaximum)
        numWeakBasins = Double(maxima.count)
        avgWeakBasinSize = maxima.isEmpty ? nil : Double(basins.weakSizes.reduce(0, +)) / Double(maxima.count)
        weakBasinExtent = Double(basins.cellsInSomeWeakBasin) / cellCount
        fitnessWeakBasinSizePearsonr = defined(Correlation.pearson(maxima.map { values[$0] }, basins.weakSizes.map(Double.init)).statistic)
        globalMaxWeakBasinExtent = globalBasin.map { Double(basins.weakSizes[$0]) / cellCount }
        let strongSizes = basins.strongSizes.filter { $0 > 0 }
        numStrongBasins = Double(strongSizes.count)
        avgStrongBasinSize = strongSizes.isEmpty ? nil : Double(strongSizes.reduce(0, +)) / Double(strongSizes.count)
        strongBasinExtent = Double(basins.cellsInSomeStrongBasin) / cellCount
        globalMaxStrongBasinExtent = globalBasin.flatMap { basins.strongSizes[$0] > 0 ? Double(basins.strongSizes[$0]) / cellCount : nil }

        let networks = analysis.neutralNetworks.networks
        numNeutralNets = Double(networks.count)
        avgNeutralNetSize = networks.isEmpty ? nil : Double(networks.map(\.size).reduce(0, +)) / Double(networks.count)
        if let largest = LabCompatibleLandscape.labLargestNetwork(networks) {
            let members = LabCompatibleLandscape.members(of: largest, fitness: fitness, neighbours: neighbours)
            let memberSet = Set(members)
            var outside = Set<Int>()
            for x in members {
                for slot in 0..<NeighbourTable.degree where !memberSet.contains(neighbours[x, slot]) {
                    outside.insert(neighbours[x, slot])
                }
            }
            let distances = EditDistanceStatistics(members)
            maxNeutralNetSize = Double(largest.size)
            largestNeutralNetFitness = largest.fitness
            largestNeutralNetUniquePhenotypes = isomorphismClasses.map { classes in Double(Set(members.map { classes[$0] }).count) }
            largestNeutralNetUniqueNeighborGenotypes = Double(outside.count)
            largestNeutralNetUniqueNeighborPhenotypes = isomorphismClasses.map { classes in Double(Set(outside.map { classes[$0] }).count) }
            largestNeutralNetMaxEditDistance = Double(distances.maximum)
            largestNeutralNetAvgEditDistance = distances.mean
            largestNeutralNetPercolationIndex = Double(Set(outside.map { values[$0] }).count)
        } else {
            // The lab's code fails without a neutral network (max of an empty list).
            maxNeutralNetSize = nil
            largestNeutralNetFitness = nil
            largestNeutralNetUniquePhenotypes = nil
            largestNeutralNetUniqueNeighborGenotypes = nil
            largestNeutralNetUniqueNeighborPhenotypes = nil
            largestNeutralNetMaxEditDistance = nil
            largestNeutralNetAvgEditDistance = nil
            largestNeutralNetPercolationIndex = nil
        }
        let estimate = autocorrelation ?? LabAutocorrelationEstimate(fitness: fitness, neighbours: neighbours, lags: 1, seed: analysis.options.seed)
        correlationLength = estimate.correlationLength
    }

    /// The network the lab calls largest: the first of the largest size in the order of its search, which
    /// starts from every cell in API-index order, so the one whose lowest API index is lowest.
    static func labLargestNetwork(_ networks: [NeutralNetworks.Network]) -> NeutralNetworks.Network? {
        guard let size = networks.map(\.size).max() else { return nil }
        return networks.filter { $0.size == size }.min { $0.representative < $1.representative }
    }

    /// Cell codes of a network: the equal-fitness component of its representative.
    static func members(of network: NeutralNetworks.Network, fitness: FitnessFunction, neighbours: NeighbourTable) -> [Int] {
        let start = fitness.apiIndex.firstIndex(of: Int32(network.representative))!  // a representative is a cell's API index
        var members = [start]
        var seen: Set<Int> = [start]
        var head = 0
        while head < members.count {
            let x = members[head]
            head += 1
            for slot in 0..<NeighbourTable.degree {
                let y = neighbours[x, slot]
                if fitness.values[y] == network.fitness, seen.insert(y).inserted { members.append(y) }
            }
        }
        return members
    }
}

/// The largest and the mean edit distance over all pairs of a set of at least two cells.
struct EditDistanceStatistics {
    let maximum: Int
    let mean: Double

    init(_ codes: [Int]) {
        precondition(codes.count >= 2, "pairs need two cells")
        let cells = codes.map(Cell.init(code:))
        var maximum = 0, total = 0
        for i in cells.indices {
            for j in (i + 1)..<cells.count {
                let d = cells[i].distance(to: cells[j])
                maximum = max(maximum, d)
                total += d
            }
        }
        self.maximum = maximum
        mean = Double(total) / Double(cells.count * (cells.count - 1) / 2)
    }
}

/// The edit distances the lab's code reported for its largest neutral network of `size` cells: over the
/// pairs of architectures at API indices 0…size−1, whatever the network holds (the slip documented on
/// `LabCompatibleLandscape`). Kept to show that the slip, not a definition, explains the published values.
public struct LabIndexingSlip: Sendable, Equatable {
    public let maxEditDistance: Double
    public let avgEditDistance: Double

    public init(fitness: FitnessFunction, networkSize: Int) {
        var codeOfAPIIndex = [Int](repeating: 0, count: Cell.count)
        for code in 0..<Cell.count { codeOfAPIIndex[Int(fitness.apiIndex[code])] = code }
        let statistics = EditDistanceStatistics(Array(codeOfAPIIndex.prefix(networkSize)))
        maxEditDistance = Double(statistics.maximum)
        avgEditDistance = statistics.mean
    }
}

/// Weak and strong basins as the lab counts them, from nasreach's basin memberships.
struct LabBasins {
    /// Per maximum: weak-basin size without the maximum itself.
    let weakSizes: [Int]
    /// Per maximum: the lab's strong-basin size (may be 0).
    let strongSizes: [Int]
    /// Cells in at least one of the lab's weak basins (never a maximum).
    let cellsInSomeWeakBasin: Int
    /// Cells in at least one of the lab's strong basins: more than one only when identical basins share them.
    let cellsInSomeStrongBasin: Int

    init(_ basins: Basins, maxima: [Int]) {
        let words = basins.wordsPerCell
        let bits = basins.membershipBits
        func contains(_ cell: Int, _ basin: Int) -> Bool { bits[cell * words + basin / 64] & (1 << UInt64(basin % 64)) != 0 }
        let isMaximum = Set(maxima)
        // The lab's basins exclude their maxima, and a strict maximum lies in no other weak basin, so two
        // basins are equal sets when they agree on every cell that is not a maximum.
        let sameSetAsEarlier: [Int] = maxima.indices.map { b in
            (0..<b).first { a in
                basins.weakSizes[a] == basins.weakSizes[b]
                    && (0..<Cell.count).allSatisfy { isMaximum.contains($0) || contains($0, a) == contains($0, b) }
            } ?? b
        }
        var strong = [Int](repeating: 0, count: maxima.count)
        var covered = 0, coveredStrongly = 0
        for x in 0..<Cell.count where !isMaximum.contains(x) {
            var holders: [Int] = []
            for w in 0..<words {
                var word = bits[x * words + w]
                while word != 0 {
                    holders.append(w * 64 + word.trailingZeroBitCount)
                    word &= word - 1
                }
            }
            guard let first = holders.first else { continue }
            covered += 1
            // In the lab's strong basins unless two of the basins holding x are different sets.
            if holders.allSatisfy({ sameSetAsEarlier[$0] == sameSetAsEarlier[first] }) {
                coveredStrongly += 1
                for basin in holders { strong[basin] += 1 }
            }
        }
        weakSizes = basins.weakSizes.map { $0 - 1 }
        strongSizes = strong
        cellsInSomeWeakBasin = covered
        cellsInSomeStrongBasin = coveredStrongly
    }
}

/// Nil for NaN, so that undefined statistics never reach JSON.
private func defined(_ value: Double) -> Double? { value.isNaN ? nil : value }
