import Support

/// The download copy of a table, in the CSV dialect of every file nasreach writes (`CSVFormat`):
/// numbers unrounded, text as displayed.
enum CSV {
    static func make(_ table: Table) -> String {
        let rows = table.rows.map { row in ([row.header] + row.cells).map(value(of:)) }
        return String(decoding: CSVFormat.table(header: table.columns, rows: rows), as: UTF8.self)
    }

    /// A numeric cell exports its full-precision value (empty when missing), other cells their text.
    private static func value(of cell: Table.Cell) -> String {
        guard cell.isNumeric else { return cell.text }
        return cell.sortKey.map { "\($0)" } ?? ""
    }
}
