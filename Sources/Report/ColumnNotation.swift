import Support

extension Table {
    /// The table with each column's numbers in one notation: when any number of a column prints in
    /// scientific notation (a magnitude below 0.001), every number of that column does, so that a
    /// reader comparing down a column never sets `5.33e-4` against `0.00277`. Only cells whose text
    /// came from a known formatter (`Table.Cell.notation`) are restated; p-values beyond the floor keep
    /// their bound (`< 1e-300`).
    func inOneNotationPerColumn() -> Table {
        var table = self
        for column in columns.indices {
            let restatable = rows.indices.filter { table.rows[$0][column]?.restatable == true }
            guard restatable.contains(where: { table.rows[$0][column]?.isScientific == true }) else { continue }
            for row in restatable {
                guard let cell = table.rows[row][column], let value = cell.sortKey, let notation = cell.notation else { continue }
                let digits: Int
                switch notation {
                case .significant(let significant): digits = significant
                // As `NumberFormat.pValue` writes small p-values.
                case .pValue: digits = 2
                }
                table.rows[row][column]?.text = NumberFormat.scientific(value, significantDigits: digits)
            }
        }
        return table
    }
}

extension Table.Row {
    /// The cell in table column `column`: 0 is the row header.
    subscript(column: Int) -> Table.Cell? {
        get { column == 0 ? header : (column - 1 < cells.count ? cells[column - 1] : nil) }
        set {
            guard let newValue else { return }
            if column == 0 { header = newValue } else if column - 1 < cells.count { cells[column - 1] = newValue }
        }
    }
}

extension Table.Cell {
    /// A finite, non-zero number from a known formatter (and, for a p-value, above the floor).
    fileprivate var restatable: Bool {
        guard let value = sortKey, let notation, value != 0, value.isFinite else { return false }
        return notation != .pValue || value >= NumberFormat.pValueFloor
    }

    /// What `NumberFormat` writes in scientific notation unasked.
    fileprivate var isScientific: Bool { restatable && abs(sortKey!) < 1e-3 }
}
