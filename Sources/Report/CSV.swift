import Support

/// The download copy of a table, in the CSV dialect of every file nasreach writes (`CSVFormat`), made
/// for scripts rather than eyes: numbers unrounded and plain (`1000`, not `1000.0`), an interval as two
/// columns `ci_low`, `ci_high`, ASCII headers (`tau`, not `τ`), ASCII minus signs, and an empty field
/// where the page shows `—`.
enum CSV {
    static func make(_ table: Table) -> String {
        let intervalColumns = Set(table.columns.indices.filter { column in table.rows.contains { $0[column]?.bounds != nil } })
        let header = table.columns.indices.flatMap { column -> [String] in
            let name = ascii(table.columns[column])
            guard intervalColumns.contains(column) else { return [name] }
            // One interval per table is the rule; a second one keeps its column's name in front.
            let prefix = intervalColumns.count == 1 ? "" : Slug.make(name, fallback: "interval") + "_"
            return [prefix + "ci_low", prefix + "ci_high"]
        }
        let rows = table.rows.map { row in
            table.columns.indices.flatMap { column -> [String] in
                let cell = row[column]
                guard intervalColumns.contains(column) else { return [cell.map(value(of:)) ?? ""] }
                return [cell?.bounds?.lower, cell?.bounds?.upper].map(number)
            }
        }
        return String(decoding: CSVFormat.table(header: header, rows: rows), as: UTF8.self)
    }

    /// A numeric cell exports its full-precision value (empty when missing), other cells their text.
    private static func value(of cell: Table.Cell) -> String {
        // Text keeps its words (a verdict summary reads back with `VerdictSummary.parse`); only the minus
        // sign becomes the one number parsers know.
        guard cell.isNumeric else { return cell.text == NumberFormat.missing ? "" : cell.text.replacingOccurrences(of: NumberFormat.minus, with: "-") }
        return number(cell.sortKey)
    }

    /// The shortest text that reads back as the same double, without the `.0` of a whole number.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return CSVFormat.number(value)
    }

    /// The page's typography spelled in ASCII, for the headers scripts select columns by.
    static func ascii(_ text: String) -> String {
        var result = ""
        for character in text {
            if let spelled = Self.spellings[character] { result += spelled } else if character.isASCII { result.append(character) } else { result += "_" }
        }
        return result
    }

    private static let spellings: [Character: String] = [
        "τ": "tau", "ρ": "rho", "α": "alpha", "θ": "theta", "λ": "lambda", "π": "pi", "σ": "sigma", "μ": "mu",
        "\u{2212}": "-", "–": "-", "—": "-", "±": "+/-", "×": "x", "≤": "<=", "≥": ">=", "→": "->", "…": "...",
        "\u{202F}": "", "\u{00A0}": " ", "’": "'", "“": "\"", "”": "\"", "∞": "inf", "·": "-",
    ]
}
