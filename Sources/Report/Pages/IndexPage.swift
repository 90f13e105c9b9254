import Support
import Analysis
import Figures
import Search

extension ReportContent {
    /// The question, the verdicts at a glance, the key figure, the data and provenance.
    func indexPage(hypothesisPages: [Page]) -> Page {
        let tested = results.hypotheses.filter { $0.tau != nil }.count
        let site = results.configuration.site
        return Page(path: "index.html", title: "Does reach predict improvability?", intro: [site?.abstract].compactMap { $0 } + [
            "Does the reach of a search operator (the expected number of edges one proposal changes in the NATS-Bench topology space) predict its improvability (the accuracy a search using it gains per step)?",
            "Three hypotheses are tested per metric and experiment setting with Kendall's tau between reach and improvability over \(NumberFormat.integer(results.operators.count)) generated operators, with Holm's correction over all \(NumberFormat.integer(tested)) tests of this report (α = \(Vocabulary.plain(results.configuration.alpha)))."
        ], sections: [
            Section("Findings", Findings.paragraphs(results).map { .paragraph($0.text) }),
            Section("Verdicts", [
                .paragraph("Each cell counts the verdicts of the primary tests (reach against mean improvability; against mean hitting time for the fixed-threshold experiment) over the settings of one experiment: \"supported 6/7\" means that 6 of its 7 path lengths or thresholds support the hypothesis after Holm's adjustment. Each cell links to the tests on the hypothesis page."),
                .table(verdictTable(hypothesisPages: hypothesisPages)),
            ]),
            Section("Key figure", figureBlocks(.tauByPathLength, metric: nil)),
            Section("Search algorithms", searchAlgorithmsSummary),
            Section("Data used", [
                .paragraph("Source: \(results.provenance.input) (\(results.provenance.sourceKind)\(results.provenance.synthetic ? ", not NATS-Bench measurements" : "")); its SHA-256, the seed, the nasreach version and the date are at the foot of every page. Each metric is one dataset and split, analysed on its own; its page has the distribution and the locality of its landscape."),
                .table(metricsTable),
            ]),
        ] + citationSection)
    }

    /// Where the report lives and the configured BibTeX entry, with the entry as a download.
    var citationSection: [Section] {
        let site = results.configuration.site
        var blocks: [Block] = site?.url.map { [.paragraph("This report is published at \($0).")] } ?? []
        if let citation = site?.citation {
            blocks += [
                .paragraph("To cite it, use this BibTeX entry:"),
                .preformatted(citation),
                .table(Table(caption: "Citation file", columns: ["File", "Contents"], rows: [
                    Table.Row(header: Table.Cell(Self.citationPath, link: Self.citationPath), cells: [.note("The BibTeX entry above, for reference managers")]),
                ])),
            ]
        }
        return blocks.isEmpty ? [] : [Section("Cite this report", blocks)]
    }

    /// The search algorithms' findings in brief, linking their page.
    var searchAlgorithmsSummary: [Block] {
        let findings = Self.searchAlgorithmFindings(results.searchAlgorithms, metrics: results.metrics.map(\.id),
                                                    optimalReach: results.optimalReach)
        return findings.map(Block.paragraph) + [.table(Table(caption: "Search algorithms from the NAS literature", columns: ["Page", "Contents"], rows: [
            Table.Row(header: Table.Cell("Search algorithms", link: Self.searchAlgorithmsPath), cells: [
                .note("Queries to the global maximum, ERTs, fixed-budget curves, runtime ECDFs and the algorithms on the reach–improvability map"),
            ]),
        ]))]
    }

    /// One row per hypothesis and (experiment, acceptance), one column per metric.
    func verdictTable(hypothesisPages: [Page]) -> Table {
        let primary = results.hypotheses.filter(\.primary)
        let combinations = VerdictGrid.combinations(primary)
        var rows: [Table.Row] = []
        for (hypothesis, page) in zip(Hypothesis.allCases, hypothesisPages) {
            let anchors = page.tableAnchorsByCaption
            let lines = VerdictGrid.lines(primary.filter { $0.hypothesis == hypothesis }, combinations: combinations,
                                          metrics: results.metrics.map(\.id)) { combination in
                page.path + (anchors[Self.evidenceCaption(acceptance: combination.acceptance)].map { "#" + $0 } ?? "")
            }
            rows += lines.map { line in
                Table.Row(header: Table.Cell(hypothesis.rawValue, link: page.path),
                          cells: [Table.Cell(line.combination.experiment.displayName), Table.Cell(line.combination.acceptance.label)] + line.cells)
            }
        }
        return Table(caption: "Verdicts of the primary tests by hypothesis, experiment, acceptance rule and metric",
                     columns: ["Hypothesis", "Experiment", "Acceptance"] + results.metrics.map(\.id), rows: rows)
    }

    var metricsTable: Table {
        Table(caption: "Metrics analysed", columns: [
            "Metric", "Dataset", "Split", "Epochs", "Cells", "Mean", "Median", "Skewness", "Above mean", "H3 precondition",
        ], rows: results.metrics.map { metric in
            Table.Row(header: Table.Cell(metric.id, link: Vocabulary.metricPath(metric)), cells: [
                Table.Cell(metric.dataset), Table.Cell(metric.split), .integer(metric.epochs), .integer(metric.count),
                .accuracy(metric.mean), .accuracy(metric.median), .number(metric.skewness), .percent(metric.shareAboveMean),
                Table.Cell(metric.h3PreconditionHolds ? "holds" : "does not hold"),
            ])
        })
    }
}
