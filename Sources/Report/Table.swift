import Support
/// A data table: rendered as an accessible, sortable HTML table and also written as CSV.
public struct Table: Sendable, Equatable {
    public var caption: String
    /// Column headers; the first names the row-header column.
    public var columns: [String]
    public var rows: [Row]
    /// When set, the table is folded away under this summary (`<details>`): for supporting tables
    /// that would otherwise bury the page's main ones, on screen and on paper.
    public var foldedSummary: String?

    public init(caption: String, columns: [String], rows: [Row], foldedSummary: String? = nil) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.foldedSummary = foldedSummary
    }

    /// One table row: a header cell (`scope="row"`) followed by data cells.
    public struct Row: Sendable, Equatable {
        public var header: Cell
        public var cells: [Cell]
        /// The row's element id, for links from a figure panel back to the row; unique on its page.
        public var id: String?

        public init(header: Cell, cells: [Cell], id: String? = nil) {
            self.header = header
            self.cells = cells
            self.id = id
        }
    }

    /// One cell: what the reader sees, plus what a machine needs to sort or reuse it.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        /// Display text, already formatted (see `Format`).
        public var text: String
        /// Numeric cells are right-aligned and sort by `sortKey`.
        public var isNumeric: Bool
        /// The unrounded value: the sort key and what the CSV holds; nil for a missing number.
        public var sortKey: Double?
        /// Site-relative link target, if the cell links somewhere.
        public var link: String?
        /// Extra CSS class, e.g. `verdict-supported`; letters, digits, `-` and `_` only.
        public var cssClass: String?
        /// How `text` was made from `sortKey`, when a column may restate it in one notation for all its cells.
        var notation: Notation?
        /// The bounds of an interval cell, which the CSV writes as two columns.
        var bounds: Bounds?

        public init(_ text: String, link: String? = nil, cssClass: String? = nil) {
            self.text = text
            self.isNumeric = false
            self.sortKey = nil
            self.link = link
            self.cssClass = cssClass
        }

        public init(stringLiteral value: String) {
            self.init(value)
        }

        /// A numeric cell shown as `text` and sorted (and exported) by `value`.
        public static func number(_ value: Double?, text: String, link: String? = nil, cssClass: String? = nil) -> Cell {
            var cell = Cell(text, link: link, cssClass: cssClass)
            cell.isNumeric = true
            cell.sortKey = value.flatMap { $0.isNaN ? nil : $0 }
            return cell
        }

        /// A numeric cell formatted with `NumberFormat.number`.
        public static func number(_ value: Double?, significantDigits: Int = 3) -> Cell {
            var cell = number(value, text: NumberFormat.number(value, significantDigits: significantDigits))
            cell.notation = .significant(significantDigits)
            return cell
        }

        /// `[lower, upper]`, or `—` when a bound is missing; with `missingIsUnbounded` a missing bound is ∞
        /// (an ERT whose runs never reach the target).
        public static func interval(_ lower: Double?, _ upper: Double?, missingIsUnbounded: Bool = false) -> Cell {
            let bounds = missingIsUnbounded ? Bounds(lower: lower ?? .infinity, upper: upper ?? .infinity) : Bounds(lower: lower, upper: upper)
            var cell = Cell(bounds.lower.flatMap { low in
                bounds.upper.map { "[\(NumberFormat.number(low)), \(NumberFormat.number($0))]" }
            } ?? NumberFormat.missing)
            cell.bounds = bounds
            return cell
        }
    }

    /// The two ends of a confidence interval; nil for a missing end.
    struct Bounds: Sendable, Equatable {
        var lower: Double?
        var upper: Double?
    }

    /// The formatter a numeric cell's text came from.
    enum Notation: Sendable, Equatable {
        case significant(Int)
        case pValue
    }
}
