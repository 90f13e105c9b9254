/// One row of `tables/improvability.csv`: one (metric, operator, acceptance, experiment setting, group).
public struct ImprovabilityRecord: Sendable, Equatable, Codable {
    public var metric: String
    public var `operator`: String
    public var family: String
    public var acceptance: String
    /// `fixed-length` or `fixed-threshold`.
    public var experiment: String
    public var pathLength: Int?
    public var threshold: Double?
    /// How θ was chosen, e.g. `p90`, `p99`, `median`.
    public var thresholdLabel: String?
    public var group: String
    public var reach: Double
    public var effectiveReach: Double?
    public var meanImprovability: Double?
    public var medianImprovability: Double?
    public var fractionImproved: Double?
    public var meanHittingTime: Double?
    /// Fraction of Monte Carlo hitting-time walks stopped at the cap.
    public var censoredFraction: Double?
    /// Starts in the group below θ (fixed-threshold), or starts used.
    public var starts: Int?
    /// Standard error of the mean statistic (Monte Carlo only).
    public var standardError: Double?
    /// `exact` or `monte-carlo`.
    public var method: String

    public static let columns = [
        "metric", "operator", "family", "acceptance", "experiment", "pathLength", "threshold", "thresholdLabel",
        "group", "reach", "effectiveReach", "meanImprovability", "medianImprovability", "fractionImproved",
        "meanHittingTime", "censoredFraction", "starts", "standardError", "method",
    ]

    public var fields: [String] {
        [metric, `operator`, family, acceptance, experiment, CSVText.number(pathLength), CSVText.number(threshold),
         thresholdLabel ?? "", group, CSVText.number(reach), CSVText.number(effectiveReach),
         CSVText.number(meanImprovability), CSVText.number(medianImprovability), CSVText.number(fractionImproved),
         CSVText.number(meanHittingTime), CSVText.number(censoredFraction), CSVText.number(starts),
         CSVText.number(standardError), method]
    }

    /// The experiment setting as a key: `L=10` or `θ=p90`.
    public var setting: String {
        if let pathLength { return "L=\(pathLength)" }
        return "θ=\(thresholdLabel ?? CSVText.number(threshold))"
    }
}

/// RFC 4180 output with numbers written in their shortest round-trip form, so a reader recovers
/// exactly the doubles the analysis used.
public enum CSVText {
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == 0 ? "0" : "\(value)"
    }

    public static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The whole table as UTF-8, built in one buffer; rows are formatted one at a time, so a table of
    /// hundreds of thousands of rows never exists as strings all at once.
    public static func table<Rows: Sequence>(header: [String], rows: Rows) -> [UInt8] where Rows.Element == [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((rows.underestimatedCount + 1) * 11 * header.count)  // about the mean field width
        func append(_ row: [String]) {
            for (index, text) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: field(text).utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        append(header)
        for row in rows { append(row) }
        return bytes
    }
}
