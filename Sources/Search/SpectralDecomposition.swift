import SearchSpace

/// The exact split of a group's mean improvability over the Fourier orders of the landscape
/// (science.md, "Null landscapes"): for an isotropic operator under `always`,
/// mean_group(improvability) = Σ_{j≥1} ((λ_j^L − 1)/L) · mean_group(f_j). Which order carries an effect
/// says which order of edge interaction makes it: order 1 is the edges' separate effects.
public struct SpectralDecomposition: Sendable, Equatable, Codable {
    public var group: StartGroupID
    public var pathLength: Int
    /// `k-edit(1)` … `k-edit(6)`, `uniform`, or `isotropic-mean` (the average over every isotropic operator of the set).
    public var operatorLabel: String
    public var operators: Int
    public var meanImprovability: Double
    /// Order j's contribution for j = 1…6; they sum to `meanImprovability`.
    public var contributions: [Double]

    /// Representative operators (the anchors of every operator set) and the isotropic average, for each
    /// group and path length.
    public static func decompose(fitness: FitnessFunction, operators: [SearchOperator], pathLengths: [Int],
                                 groups ids: [StartGroupID] = [.top10, .bottom10]) -> [SpectralDecomposition] {
        let orders = FourierOrders(fitness.values)
        let groups = StartGroup.standard(for: fitness, deciles: false)
        let isotropic = operators.filter { $0.eigenvalues != nil }
        let representatives: [(String, SearchOperator)] = (1...Cell.edgeCount).map { k in
            ("k-edit(\(k))", try! SearchOperator(id: "k-edit(\(k))", kind: .kEdit(k)))
        } + [("uniform", try! SearchOperator(id: "uniform", kind: .uniform))]
        var result: [SpectralDecomposition] = []
        for id in ids {
            guard let members = groups.first(where: { $0.id == id })?.members else { continue }
            let means = orders.components.map { c in members.reduce(0.0) { $0 + c[$1] } / Double(members.count) }
            for length in Array(Set(pathLengths)).sorted() {
                func contributions(_ op: SearchOperator) -> [Double] {
                    let w = SpectralEngine.improvabilityWeights(eigenvalues: op.eigenvalues!, pathLength: length)
                    return (1..<FourierOrders.orderCount).map { w[$0] * means[$0] }
                }
                for (label, op) in representatives {
                    let c = contributions(op)
                    result.append(SpectralDecomposition(group: id, pathLength: length, operatorLabel: label, operators: 1,
                                                        meanImprovability: c.reduce(0, +), contributions: c))
                }
                if !isotropic.isEmpty {
                    var total = [Double](repeating: 0, count: Cell.edgeCount)
                    for op in isotropic { for (j, v) in contributions(op).enumerated() { total[j] += v } }
                    let c = total.map { $0 / Double(isotropic.count) }
                    result.append(SpectralDecomposition(group: id, pathLength: length, operatorLabel: "isotropic-mean",
                                                        operators: isotropic.count, meanImprovability: c.reduce(0, +), contributions: c))
                }
            }
        }
        return result
    }

    /// The orders whose contributions have the sign of the mean and together make at least `share` of it,
    /// largest first (1-based order numbers).
    public var carryingOrders: [Int] {
        let sign: Double = meanImprovability < 0 ? -1 : 1
        let ranked = contributions.enumerated().filter { sign * $0.element > 0 }.sorted { abs($0.element) > abs($1.element) }
        var chosen: [Int] = [], sum = 0.0
        for (j, v) in ranked {
            chosen.append(j + 1)
            sum += v
            if abs(sum) >= 0.8 * abs(meanImprovability) { break }
        }
        return chosen
    }
}
