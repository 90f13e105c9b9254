import Analysis
import Figures
import Support

extension ReportContent {
    /// Links to the results file, every CSV table and every figure in its three formats.
    var downloadsPage: Page {
        let tables = dataFiles.keys.filter { $0.hasPrefix("data/tables/") }.sorted()
        return Page(path: Self.downloadsPath, title: "Downloads", breadcrumbs: Self.home, intro: [
            "The analysis behind this report as machine-readable files. results.json holds every number at full precision, exactly as the analysis computed it; the CSV tables give numbers to \(Self.downloadDigits) significant digits (the accuracies themselves carry about four), and the improvability table comes in one file per metric. The results file and the figures' data are gzip-compressed JSON: json.load(gzip.open(\"results.json.gz\")) reads one in Python, and gunzip -k gives the plain file.",
        ], sections: [
            Section("Results", [.table(fileTable("Results file", [Self.resultsPath] + dataFiles.keys.filter { $0 == Self.citationPath }))]),
            Section("Tables", compressedTablesNote(tables) + [.table(fileTable("CSV tables", tables))]),
            Section("Figures", [
                .paragraph("Every figure of the report as PNG (for the web), SVG and PDF (for papers and slides), and the numbers it draws as gzip-compressed JSON (json.load(gzip.open(\"distribution.json.gz\")) in Python): panel titles, axes with their units and ranges, and every mark's values, rounded to half a pixel of the PNG. The reach scatters also have a .data.js file beside them, the points for the page's hover and family filters (a script, because a page opened from disk may not read a JSON file)."),
                .table(figureTable),
            ]),
        ])
    }

    /// How to open the gzip-compressed tables, when there are any: the commonest tools read them as they are.
    /// The example is the largest of them, the one a reader is likeliest to want.
    private func compressedTablesNote(_ tables: [String]) -> [Block] {
        let compressed = tables.filter { $0.hasSuffix(".gz") }
        guard let largest = compressed.max(by: { (dataFiles[$0]?.count ?? 0, $0) < (dataFiles[$1]?.count ?? 0, $1) }) else { return [] }
        let example = String(largest.split(separator: "/").last ?? "")
        let threshold = Self.size(Self.compressionThreshold)
        return [.paragraph("Tables larger than \(threshold) are gzip-compressed (.csv.gz). pandas reads them as they are: pd.read_csv(\"\(example)\"); so does R's read.csv. To get the plain CSV, run gunzip -k \(example) (it keeps the compressed file).")]
    }

    private func fileTable(_ caption: String, _ paths: [String]) -> Table {
        Table(caption: caption, columns: ["File", "Contents", "Size"], rows: paths.map { path in
            let name = String(path.split(separator: "/").last ?? "")
            return Table.Row(header: Table.Cell(name, link: path), cells: [
                .note(Self.describe(file: name.hasSuffix(".gz") ? String(name.dropLast(3)) : name)), .number(dataFiles[path].map { Double($0.count) }, text: Self.size(dataFiles[path]?.count ?? 0)),
            ])
        })
    }

    private var figureTable: Table {
        Table(caption: "Figures", columns: ["Figure", "Metric", "PNG", "SVG", "PDF", "Data"], rows: figures.map { entry in
            Table.Row(header: Table.Cell(entry.title), cells: [Table.Cell(entry.metric ?? "all metrics")]
                + ["png", "svg", "pdf"].map { Table.Cell($0.uppercased(), link: entry.path + "." + $0) }
                + [Table.Cell("JSON", link: entry.path + "." + FigureSet.dataFileExtension)])
        })
    }

    static func describe(file name: String) -> String {
        switch name {
        case "results.json": "Everything the analysis computed (schema \(Results.schemaID)): provenance, configuration, metric summaries, landscape summaries, operators, hypothesis tests, breakdowns, deciles, search algorithms (with their fixed-budget curves and runtimes)."
        case _ where name.hasPrefix("improvability"): "One row per operator, acceptance rule, experiment setting and starting group of one metric: reach, effective reach, improvability statistics and whether they are exact or Monte Carlo. Every tau of the report can be recomputed from it; where rounding to six digits ties two operators, the results folder of nasreach analyze has the full precision."
        case "cite.bib": "The BibTeX entry for citing this report."
        case "hypotheses.csv": "Every Kendall test: tau, p-values, Holm-adjusted p, bootstrap interval, verdict and reason."
        case "metrics.csv": "Distribution summary of each metric and whether H3's precondition holds."
        case "operators.csv": "Every generated operator: family, parameters, reach, symmetry."
        case "landscape.csv": "The scalar locality metrics of each metric's landscape."
        case "breakdowns.csv": "Improvability by operator family and reach band for the top 10%, bottom 10% and all cells."
        case "deciles.csv": "Mean improvability per decile of starts, by operator family."
        case "search-algorithms.csv": "One row per search algorithm, metric and fixed target: mean, SE and median queries, ERT with its bootstrap interval and success rate, effective reach and improvability."
        default: name.hasPrefix("cells-") ? "Per cell: API index, architecture, accuracy, edit distance to the global maximum, local maximum or not." : "Analysis table."
        }
    }

    /// A byte count as a reader compares sizes: `812 B`, `3.1 kB`, `59.2 MB`.
    static func size(_ bytes: Int) -> String {
        let units = ["B", "kB", "MB", "GB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : NumberFormat.number(value, significantDigits: 3) + " " + units[unit]
    }
}
