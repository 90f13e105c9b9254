/// RFC 4180 CSV for the download copy of a table: numbers unrounded, text as displayed.
enum CSV {
    static func make(_ table: Table) -> String {
        var lines = [table.columns.map(field).joined(separator: ",")]
        for row in table.rows {
            lines.append(([row.header] + row.cells).map { field(value(of: $0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A numeric cell exports its full-precision value (empty when missing), other cells their text.
    private static func value(of cell: Table.Cell) -> String {
        guard cell.isNumeric else { return cell.text }
        return cell.sortKey.map { "\($0)" } ?? ""
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
