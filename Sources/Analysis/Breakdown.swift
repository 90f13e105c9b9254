import Search
import Statistics

/// Improvability of the operators of one family or one reach band, for one (metric, acceptance, L,
/// group): the top/bottom 10% breakdown tables of the metric pages.
///
/// `meanImprovability` is the average over the operators of their group-mean improvability,
/// `medianImprovability` the median over the operators of that same group mean, and
/// `fractionImproved` the average over the operators of the fraction of starts that improve.
public struct Breakdown: Sendable, Equatable, Codable {
    public var metric: String
    public var acceptance: AcceptanceRule
    public var pathLength: Int
    public var group: StartGroupID
    public var by: Dimension
    /// The family name, or the band as `a–b`.
    public var key: String
    public var operators: Int
    public var meanImprovability: Double?
    public var medianImprovability: Double?
    public var fractionImproved: Double?

    /// What the operators are grouped by.
    public enum Dimension: String, Codable, Sendable {
        case family
        case reachBand
    }

    /// One cell of the breakdown tables; a dedicated key type, so no field is ever joined into text.
    struct Key: Hashable {
        var metric: String
        var acceptance: AcceptanceRule
        var pathLength: Int
        var group: StartGroupID
        var by: Dimension
        var key: String
    }

    /// Reach bands of width 1 over [0, 6]; 6 itself falls in the last band.
    static func band(of reach: Double) -> String {
        bands[Swift.min(5, Swift.max(0, Int(reach.rounded(.down))))]
    }

    static let dimensions: [Dimension] = [.family, .reachBand]

    /// The six band names, spelled once rather than per record (hundreds of thousands of them).
    static let bands = (0..<6).map { "\($0)–\($0 + 1)" }

    /// Breakdowns of the fixed-length records over the hypothesis groups. Only the two numbers each
    /// cell needs are kept per record, never the records themselves.
    public static func tabulate(_ records: [ImprovabilityRecord]) -> [Breakdown] {
        var order: [Key] = []
        var cells: [Key: (template: Breakdown, means: [Double], fractions: [Double], operators: Int)] = [:]
        for record in records where record.experiment == .fixedLength && StartGroupID.hypothesisGroups.contains(record.group) {
            guard let pathLength = record.pathLength else { continue }
            for by in dimensions {
                let key = by == .family ? record.family.rawValue : band(of: record.reach)
                let id = Key(metric: record.metric, acceptance: record.acceptance, pathLength: pathLength, group: record.group, by: by, key: key)
                if cells[id] == nil {
                    order.append(id)
                    cells[id] = (Breakdown(metric: record.metric, acceptance: record.acceptance, pathLength: pathLength,
                                           group: record.group, by: by, key: key, operators: 0), [], [], 0)
                }
                cells[id]!.operators += 1
                if let mean = record.meanImprovability { cells[id]!.means.append(mean) }
                if let fraction = record.fractionImproved { cells[id]!.fractions.append(fraction) }
            }
        }
        return order.map { id in
            let cell = cells[id]!
            var row = cell.template
            row.operators = cell.operators
            row.meanImprovability = cell.means.isEmpty ? nil : Descriptive.mean(cell.means)
            row.medianImprovability = cell.means.isEmpty ? nil : Descriptive.median(cell.means)
            row.fractionImproved = cell.fractions.isEmpty ? nil : Descriptive.mean(cell.fractions)
            return row
        }
    }
}
