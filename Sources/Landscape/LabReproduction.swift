import Foundation

/// Each published value of the lab's study beside nasreach's lab-compatible and exact values, with a status
/// and, for every difference, its cause — found by recomputing the value the way the cause says and
/// checking that this reproduces the published number, not assumed.
public struct LabReproduction: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Agrees with every published digit.
        case reproducedExactly
        /// Differs in the published digits by no more than floating-point noise (relative 1e-9).
        case withinFloatingPoint
        case differs
    }

    /// Why a lab-compatible value differs from the published one.
    public enum Cause: String, Sendable, Codable, CaseIterable {
        /// Reproduced when the accuracies are read as the lab's pandas 2.2.1 did (`FloatParsing.pandas221`).
        case parsing
        /// Reproduced by the lab's edit distances over API indices 0…n−1 (`LabIndexingSlip`).
        case indexingSlip
        /// Reproduced by the lab's estimator on the lab's own saved walks: only the walks differ.
        case monteCarloWalks
        /// A Monte Carlo value on different walks, not checked against the lab's walks.
        case monteCarloUnverified
        /// Nothing tried reproduces it.
        case unexplained

        public var explanation: String {
            switch self {
            case .parsing:
                "parsing: pandas 2.2.1's read_csv (precise_xstrtod) leaves some accuracies 1 ulp off, which merges or splits equal-fitness cells; reproduced when read that way"
            case .indexingSlip:
                "indexing slip: the lab measured distances between the architectures at API indices 0…n−1, not between the network's members; reproduced that way"
            case .monteCarloWalks:
                "Monte Carlo walks: the lab's per-walk estimator on the lab's saved walks reproduces it; those walks cannot be regenerated (Python's hash-seeded set order), nasreach uses its own seeded walks"
            case .monteCarloUnverified:
                "Monte Carlo: per-walk correlation over 200 walks of 100 cells on different (seeded) walks; the lab's walks cannot be regenerated and were not supplied"
            case .unexplained:
                "unexplained: no known cause reproduces the published value"
            }
        }
    }

    public struct Entry: Sendable, Codable, Equatable {
        /// The lab's field name.
        public let field: String
        public let published: Double?
        public let labCompatible: Double?
        /// The value by nasreach's own definitions (the same as `labCompatible` where the definitions agree).
        public let exact: Double?
        public let status: Status
        public let cause: Cause?
        /// One line on the cause, nil when reproduced.
        public let explanation: String?
    }

    /// A recomputation that reproduces published values when a cause is real, e.g. the lab-compatible values
    /// on accuracies parsed as pandas did.
    public struct Alternative: Sendable {
        public let cause: Cause
        public let values: [LabCompatibleLandscape.CodingKeys: Double]

        public init(cause: Cause, values: [LabCompatibleLandscape.CodingKeys: Double]) {
            self.cause = cause
            self.values = values
        }

        public init(cause: Cause, landscape: LabCompatibleLandscape) {
            var values: [LabCompatibleLandscape.CodingKeys: Double] = [:]
            for field in LabCompatibleLandscape.CodingKeys.allCases { values[field] = landscape[field] }
            self.init(cause: cause, values: values)
        }
    }

    public let entries: [Entry]

    /// - Parameters:
    ///   - published: the lab's values (decoded from the reference file under the lab's names).
    ///   - alternatives: tried in order for every differing value; the first that reproduces it names the cause.
    public init(published: LabCompatibleLandscape, labCompatible: LabCompatibleLandscape,
                exact: [LabCompatibleLandscape.CodingKeys: Double], alternatives: [Alternative]) {
        entries = LabCompatibleLandscape.CodingKeys.allCases.compactMap { field in
            guard let target = published[field] else { return nil }
            let ours = labCompatible[field]
            let status = LabReproduction.status(ours, published: target)
            var cause: Cause?
            if status != .reproducedExactly {
                cause = alternatives.first { alternative in
                    LabReproduction.status(alternative.values[field], published: target) == .reproducedExactly
                }?.cause ?? (field == .correlationLength ? .monteCarloUnverified : .unexplained)
            }
            return Entry(field: field.stringValue, published: target, labCompatible: ours, exact: exact[field] ?? ours,
                         status: status, cause: cause, explanation: cause?.explanation)
        }
    }

    public func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }

    /// Compares at the precision of the published number: its shortest decimal form has d significant
    /// digits, and `value` reproduces it when it rounds to the same d digits.
    static func status(_ value: Double?, published: Double) -> Status {
        guard let value else { return .differs }
        if value == published { return .reproducedExactly }
        let digits = significantDigits(published)
        let rounded = Double(String(format: "%.\(digits - 1)e", value))
        if rounded == published { return .reproducedExactly }
        return abs(value - published) <= 1e-9 * abs(published) ? .withinFloatingPoint : .differs
    }

    /// Significant digits of a published number: those of the shortest decimal that reads back as `value`,
    /// but at least every digit of its integer part, since a published count such as 690 is exact, not 6.9e2
    /// (e.g. 6 for 0.998912, 2 for 6.4e-05, 3 for 690).
    static func significantDigits(_ value: Double) -> Int {
        let shortest = (1...17).first { Double(String(format: "%.\($0 - 1)e", value)) == value } ?? 17
        let integerDigits = abs(value) < 1 ? 0 : Int(log10(abs(value)).rounded(.down)) + 1
        return min(17, max(shortest, integerDigits))
    }
}

extension LabCompatibleLandscape {
    /// nasreach's own value for each lab field whose definition differs from nasreach's (basins counting
    /// their maximum, the exact correlation length); fields whose definitions agree are left out.
    public static func exactCounterparts(_ analysis: LandscapeAnalysis) -> [CodingKeys: Double] {
        var exact: [CodingKeys: Double] = [:]
        let basins = analysis.basins
        exact[.avgWeakBasinSize] = basins.averageWeakSize
        exact[.globalMaxWeakBasinExtent] = analysis.globalMaximumWeakBasinShare
        exact[.globalMaxStrongBasinExtent] = analysis.globalMaximumStrongBasinShare
        let strong = basins.strongSizes.filter { $0 > 1 }
        exact[.avgStrongBasinSize] = strong.isEmpty ? nil : Double(strong.reduce(0, +)) / Double(strong.count)
        exact[.correlationLength] = analysis.autocorrelation.correlationLength
        return exact
    }
}
