import Analysis
import Support

/// Cell kinds the report pages share, so that a kind of quantity is always formatted the same way.
extension Table.Cell {
    static func integer(_ value: Int?) -> Table.Cell {
        .number(value.map(Double.init), text: NumberFormat.integer(value))
    }

    static func pValue(_ p: Double?) -> Table.Cell {
        var cell = Table.Cell.number(p, text: NumberFormat.pValue(p))
        cell.notation = .pValue
        return cell
    }

    /// Accuracies in percentage points: four significant digits tell neighbouring cells apart.
    static func accuracy(_ value: Double?) -> Table.Cell {
        .number(value, significantDigits: 4)
    }

    /// A share in [0, 1] shown as a percentage; the sort key stays the share.
    static func percent(_ share: Double?) -> Table.Cell {
        .number(share, text: share.map { NumberFormat.number(100 * $0) + "%" } ?? NumberFormat.missing)
    }

    static func verdict(_ verdict: Verdict, beyondNull: Bool? = nil) -> Table.Cell {
        Table.Cell(Vocabulary.verdictText(verdict, beyondNull: beyondNull), cssClass: Vocabulary.verdictClass(verdict))
    }

    /// Free text that may be long (reasons, lists): wraps instead of widening the table.
    static func note(_ text: String) -> Table.Cell {
        Table.Cell(text, cssClass: "note")
    }

    /// A list of numbers, cut after `limit` entries with a pointer to the full list.
    static func list(_ values: [String], limit: Int = 20) -> Table.Cell {
        guard !values.isEmpty else { return Table.Cell(NumberFormat.missing) }
        let shown = values.prefix(limit).joined(separator: ", ")
        return note(values.count > limit ? shown + ", … (\(values.count) in all; see results.json)" : shown)
    }
}
