import Analysis
import Foundation
import Search
import Support

/// Every operator of the report for the scatter tooltips, written once as `figures/operators.data.js`:
/// the reach scatters' point data (`ScatterDataFile`) name operators by their index here instead of each
/// repeating the table of a thousand operators.
struct OperatorDataFile: Encodable, Sendable {
    struct Operator: Encodable, Sendable {
        var id: String
        var family: String
        /// The operator's parameters in words, e.g. `p = 0.25`.
        var parameters: String
        /// The x of the operator's point in every reach scatter, to `ScatterDataFile.digits` significant digits.
        var reach: Double
    }

    /// The site path; pages name it beside each figure's point data.
    static let path = "figures/operators.data.js"

    var operators: [Operator]

    init(_ operators: [OperatorRecord]) {
        self.operators = operators.map {
            Operator(id: $0.id, family: $0.family.rawValue, parameters: Self.parametersText($0.params), reach: ScatterDataFile.rounded($0.reach))
        }
    }

    /// Each operator id's index in the table (the first, should an id repeat).
    static func indexByID(_ operators: [OperatorRecord]) -> [String: Int] {
        Dictionary(operators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The script: one statement setting `window.nasreachOperators`.
    func script() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array("window.nasreachOperators = ".utf8) + (try encoder.encode(operators)) + Array(";\n".utf8)
    }

    /// An operator's parameters as the tooltip shows them; an operation kernel is too big to list.
    static func parametersText(_ parameters: OperatorParameters) -> String {
        var parts: [String] = []
        if let k = parameters.k { parts.append("k = \(k)") }
        if let p = parameters.p { parts.append("p = \(NumberFormat.number(p))") }
        if let pi = parameters.pi { parts.append("π = (" + pi.map { NumberFormat.number($0) }.joined(separator: ", ") + ")") }
        if parameters.m != nil { parts.append("5×5 operation kernel M") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
