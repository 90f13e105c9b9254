import Foundation
import Analysis
import Landscape
import Support

extension ReportContent {
    static let reproductionPath = "reproduction.html"

    /// The lab's published landscape study (Tao & Bang 2024) beside nasreach: every published value with
    /// nasreach's lab-compatible and exact values, a status, and the cause of every difference.
    var reproductionPage: Page {
        let parsing = results.provenance.floatParsing ?? "correctly-rounded"
        let studied = results.metrics.compactMap { metric -> (MetricSummary, String, LabReproduction)? in
            guard let column = LabPublished.column(column: metric.column, dataset: metric.dataset, split: metric.split, epochs: metric.epochs),
                  let reproduction = results.reproduction?[metric.id] else { return nil }
            return (metric, column, reproduction)
        }
        let intro = [
            "The lab's earlier fitness-landscape study of this search space (Tao & Bang 2024, EXPLAINS 2024, doi 10.5220/0012892400003886) published 30 values per metric on the test accuracy at 200 epochs of CIFAR-10, CIFAR-100 and ImageNet16-120. This page sets each beside nasreach's value by the lab's definitions (lab-compatible, results.json landscape.labCompatible) and by nasreach's own (exact), and names the cause of every difference: a cause is listed only when recomputing the value that way reproduces the published number.",
            "Accuracies were read \(parsing == "pandas-2.2.1" ? "as the lab's pandas 2.2.1 read_csv did (--float-parsing pandas-2.2.1), so parsing is not a cause here" : "correctly rounded (the nearest double); --float-parsing pandas-2.2.1 reads them as the lab's pandas did")."
        ]
        let missing = LabPublished.columns.filter { column in !studied.contains { $0.1 == column } }
        guard studied.count == LabPublished.columns.count else {
            let reason = studied.isEmpty
                ? "Not shown: the input carries none of the three metrics of the published study (\(missing.joined(separator: ", ")): test accuracy at 200 epochs of CIFAR-10, CIFAR-100 and ImageNet16-120), so there is nothing to compare."
                : "Not shown: the input lacks \(missing.joined(separator: ", ")) of the three metrics of the published study, so the comparison would be partial."
            return Page(path: Self.reproductionPath, title: "Reproduction", breadcrumbs: Self.home, intro: intro,
                        sections: [Section("Comparison absent", [.paragraph(results.provenance.synthetic
                            ? reason + " This report was made from the synthetic landscape, which is not the lab's data."
                            : reason)])])
        }
        var sections = [Section("Summary", [.table(reproductionSummaryTable(studied.map { ($0.0, $0.2) }))])]
        for (metric, column, reproduction) in studied {
            sections.append(Section("\(metric.id) (the lab's \(column))", [.table(reproductionTable(reproduction, metric: metric.id))]))
        }
        sections.append(Section("Causes", [.definitions(LabReproduction.Cause.allCases.map { .init($0.rawValue, $0.explanation) })]))
        return Page(path: Self.reproductionPath, title: "Reproduction", breadcrumbs: Self.home, intro: intro, sections: sections)
    }

    func reproductionSummaryTable(_ studied: [(MetricSummary, LabReproduction)]) -> Table {
        Table(caption: "Published values reproduced", columns: [
            "Metric", "Published values", "Reproduced exactly", "Within floating point", "Differ", "Causes of the differences",
        ], rows: studied.map { metric, reproduction in
            var causes: [String: Int] = [:]
            for entry in reproduction.entries where entry.status != .reproducedExactly { causes[entry.cause?.rawValue ?? "none", default: 0] += 1 }
            let text = causes.keys.sorted().map { "\($0) \(causes[$0]!)" }.joined(separator: ", ")
            return Table.Row(header: Table.Cell(metric.id, link: Vocabulary.metricPath(metric)), cells: [
                .integer(reproduction.entries.count), .integer(reproduction.count(.reproducedExactly)),
                .integer(reproduction.count(.withinFloatingPoint)), .integer(reproduction.count(.differs)),
                .note(text.isEmpty ? "none" : text),
            ])
        })
    }

    func reproductionTable(_ reproduction: LabReproduction, metric: String) -> Table {
        // Up to 10 significant digits without padding, so that 17 reads 17 and published digits line up.
        func value(_ number: Double?) -> Table.Cell {
            .number(number, text: number.map { String(format: "%.10g", $0).replacingOccurrences(of: "-", with: "−") } ?? NumberFormat.missing)
        }
        return Table(caption: "Published values of \(metric)", columns: [
            "Field (the lab's name)", "Published", "Lab-compatible", "Exact (nasreach)", "Status", "Cause",
        ], rows: reproduction.entries.map { entry in
            Table.Row(header: Table.Cell(entry.field), cells: [
                value(entry.published), value(entry.labCompatible), value(entry.exact),
                Table.Cell(Self.statusText(entry.status), cssClass: "reproduction-" + entry.status.rawValue),
                .note(entry.explanation ?? "—"),
            ])
        })
    }

    static func statusText(_ status: LabReproduction.Status) -> String {
        switch status {
        case .reproducedExactly: "reproduced exactly"
        case .withinFloatingPoint: "within floating point"
        case .differs: "differs"
        }
    }
}
