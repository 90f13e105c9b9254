import Algorithms
import Analysis
import Figures
import Search
import Support

extension ReportContent {
    static let searchAlgorithmsPath = "search-algorithms.html"

    /// The NAS literature's search algorithms on the same landscapes: findings, queries to the global
    /// maximum beside the anchors, ERTs, the figures per metric and the algorithms' definitions.
    var searchAlgorithmsPage: Page {
        let records = results.searchAlgorithms
        guard let first = records.first else {
            return Page(path: Self.searchAlgorithmsPath, title: "Search algorithms", breadcrumbs: Self.home, intro: [
                "This results file holds no search-algorithm runs (searchAlgorithms[] is empty).",
            ])
        }
        var sections = [
            Section("Findings", Self.searchAlgorithmFindings(records, metrics: results.metrics.map(\.id),
                                                             optimalReach: results.optimalReach).map(Block.paragraph)),
            Section("Queries to the global maximum", [
                .paragraph("Mean ± standard error (median) of the queries — unique architectures evaluated; re-querying a cell is free, as in benchmark studies — until a run first queries the global maximum, over \(NumberFormat.integer(first.runs)) seeded runs per algorithm and metric. Every run goes on until it finds it, so these means are not censored by the budget."),
                .table(queriesTable),
            ]),
            Section("Anchors", anchorBlocks),
            Section("Expected running time", [
                .paragraph("ERT under the budget of \(NumberFormat.integer(first.budget)) queries, as COCO and IOHanalyzer define it: the queries spent by all runs, each capped at the budget, over the number of runs that hit the target within it (Σ min(T, B) / successes). Targets: the global maximum and the 99.9th and 99th percentiles of the metric (type 7). The interval is a 95% percentile bootstrap over runs; an open end (∞) means that more than 2.5% of the resamples had no success. ∞ as ERT: no run succeeded within the budget."),
                .table(ertTable),
            ]),
        ]
        for metric in results.metrics where records.contains(where: { $0.metric == metric.id }) {
            sections.append(Section(metric.id, figureBlocks(.algorithmFixedBudget, metric: metric.id) + figureBlocks(.algorithmRuntimes, metric: metric.id)
                + figureBlocks(.algorithmMap, metric: metric.id) + [.table(mapTable(metric: metric.id))]))
        }
        sections.append(Section("Algorithms", [.definitions(algorithmDefinitions(first.budget))]))
        return Page(path: Self.searchAlgorithmsPath, title: "Search algorithms", breadcrumbs: Self.home, intro: [
            "Random search, local search, regularized evolution, simulated annealing and a (1+λ) EA — the search algorithms NAS papers compare — run on the same landscapes as the operators: how many queries they need to find the best architecture, what they have found at a fixed budget, and where each sits on the reach–improvability map.",
        ], sections: sections)
    }

    /// Rows: algorithms; columns: metrics; then random search's closed form.
    var queriesTable: Table {
        let records = results.searchAlgorithms
        let metrics = results.metrics.map(\.id).filter { id in records.contains { $0.metric == id } }
        var rows = records.uniqueKeys(\.algorithm).map { algorithm in
            Table.Row(header: Table.Cell(algorithm.displayName), cells: metrics.map { metric in
                guard let record = records.first(where: { $0.algorithm == algorithm && $0.metric == metric }) else { return Table.Cell(NumberFormat.missing) }
                let q = record.queriesToGlobalMax
                return .number(q.mean, text: "\(NumberFormat.number(q.mean)) ± \(NumberFormat.number(q.standardError)) (\(NumberFormat.number(q.median)))")
            })
        }
        rows.append(Table.Row(header: Table.Cell("random search, closed form (N + 1)/(m + 1)"), cells: metrics.map { metric in
            let value = records.first { $0.metric == metric && $0.closedFormQueriesToGlobalMax != nil }?.closedFormQueriesToGlobalMax
            return .number(value)
        }))
        return Table(caption: "Mean queries to the global maximum ± SE (median), by algorithm and metric", columns: ["Algorithm"] + metrics, rows: rows)
    }

    var anchorBlocks: [Block] {
        let records = results.searchAlgorithms
        var blocks: [Block] = [.paragraph(
            "White et al. (2021, \"Exploring the loss landscape in neural architecture search\") report that local search needs about 127 queries (trained architectures) on average to find the global optimum of NAS-Bench-201 on CIFAR-100, measured on the validation accuracy. The metrics here may use another split (their ids name it), so the figure is an order of magnitude to compare with, not a value to reproduce."
            + Self.localSearchComparison(records, metrics: results.metrics))]
        let closedForms = results.metrics.compactMap { metric -> String? in
            guard let random = records.first(where: { $0.metric == metric.id && $0.algorithm == .randomSearch }),
                  let expected = random.closedFormQueriesToGlobalMax else { return nil }
            let maxima = Int((Double(metric.count + 1) / expected - 1).rounded())
            return "\(metric.id): m = \(NumberFormat.integer(maxima)) cell\(maxima == 1 ? "" : "s") at the maximum, (N + 1)/(m + 1) = \(NumberFormat.number(expected)), measured \(NumberFormat.number(random.queriesToGlobalMax.mean)) ± \(NumberFormat.number(random.queriesToGlobalMax.standardError))"
        }
        if !closedForms.isEmpty {
            blocks.append(.paragraph("Random search samples without replacement, so its expected queries to a global maximum is exactly (N + 1)/(m + 1) for m maxima among N = \(NumberFormat.integer(results.metrics.first?.count)) cells. From the data: " + closedForms.joined(separator: "; ") + "."))
        }
        return blocks
    }

    /// How this run's local search compares with White et al.'s 127 queries, metric by metric.
    static func localSearchComparison(_ records: [SearchAlgorithmRecord], metrics: [MetricSummary]) -> String {
        let parts = metrics.compactMap { metric -> String? in
            guard let local = records.first(where: { $0.metric == metric.id && $0.algorithm == .localSearch }) else { return nil }
            let q = local.queriesToGlobalMax
            let ratio = q.mean / 127
            return "\(metric.id) \(NumberFormat.number(q.mean)) ± \(NumberFormat.number(q.standardError)) (\(NumberFormat.number(ratio)) × 127)"
        }
        return parts.isEmpty ? "" : " Local search here: " + parts.joined(separator: "; ") + "."
    }

    var ertTable: Table {
        let rows = results.searchAlgorithms.flatMap { record in
            record.ert.map { entry in
                Table.Row(header: Table.Cell(record.algorithm.displayName), cells: [
                    Table.Cell(record.metric), Table.Cell(entry.target), .accuracy(entry.threshold),
                    .number(entry.queries, text: entry.queries.map { NumberFormat.number($0) } ?? "∞"),
                    .interval(entry.ciLower, entry.ciUpper, missingIsUnbounded: true),
                    .percent(entry.successRate),
                    .number(entry.meanQueries, text: "\(NumberFormat.number(entry.meanQueries)) ± \(NumberFormat.number(entry.standardError))"),
                    .number(entry.medianQueries),
                ])
            }
        }
        return Table(caption: "Expected running time (queries) per algorithm, metric and target",
                     columns: ["Algorithm", "Metric", "Target", "Threshold (%)", "ERT", "ERT 95% CI", "Success rate", "Mean queries ± SE", "Median queries"],
                     rows: rows)
    }

    func mapTable(metric: String) -> Table {
        let records = results.searchAlgorithms.filter { $0.metric == metric }
        let rows = records.flatMap { record in
            record.reachImprovability.filter { $0.pathLength == record.mapPathLength }.map { point in
                Table.Row(header: Table.Cell(record.algorithm.displayName), cells: [
                    Table.Cell(point.group.displayName), .integer(point.pathLength),
                    .number(point.effectiveReach, text: "\(NumberFormat.number(point.effectiveReach)) ± \(NumberFormat.number(point.reachStandardError))"),
                    .number(point.meanImprovability, text: "\(NumberFormat.number(point.meanImprovability)) ± \(NumberFormat.number(point.improvabilityStandardError))"),
                ])
            }
        }
        return Table(caption: "\(metric), search algorithms on the reach–improvability map", columns: [
            "Algorithm", "Starts", "L", "Effective reach ± SE", "Mean improvability ± SE",
        ], rows: rows)
    }

    func algorithmDefinitions(_ budget: Int) -> [Definition] {
        let parameters: (AlgorithmID) -> String = { id in
            guard let record = self.results.searchAlgorithms.first(where: { $0.algorithm == id }), !record.params.isEmpty else { return "" }
            return " Parameters: " + record.params.keys.sorted().map { "\($0) = \(Vocabulary.plain(record.params[$0]!))" }.joined(separator: ", ") + "."
        }
        return [
            Definition("Query", "The evaluation of one architecture (a table look-up here); every measure counts unique architectures, so re-querying a cell is free."),
            Definition(AlgorithmID.randomSearch.displayName, "Uniform sampling without replacement." + parameters(.randomSearch)),
            Definition(AlgorithmID.localSearch.displayName, "Best improvement with restarts: query a uniformly drawn start and all 24 neighbours; move to the best neighbour if it is strictly better than the current cell, otherwise restart at a new uniformly drawn cell." + parameters(.localSearch)),
            Definition(AlgorithmID.regularizedEvolution.displayName, "Real et al.: a population of uniformly drawn cells; each step draws a tournament sample, mutates its best member by one edit (k-edit(1)) and removes the oldest member (the NATS-Bench protocol's settings)." + parameters(.regularizedEvolution)),
            Definition(AlgorithmID.simulatedAnnealing.displayName, "Metropolis acceptance over k-edit(1) proposals with a temperature (in accuracy points) cooled geometrically over \(NumberFormat.integer(budget)) queries, the budget." + parameters(.simulatedAnnealing)),
            Definition(AlgorithmID.onePlusLambdaEA.displayName, "Each generation mutates the parent λ times with per-edge mutation (each edge changes with the given rate, at least one) and keeps the best child if it is at least as good." + parameters(.onePlusLambdaEA)),
            Definition("Effective reach and improvability", "As for the operators: over runs started uniformly in a group, the edit distance moved per iteration and the accuracy gained per iteration, (1/L) Σ (f(to) − f(from)), averaged over the runs; for regularized evolution a step goes from the tournament winner to its child."),
        ]
    }

    /// The findings in words, from the numbers alone: per metric, which algorithm needs the fewest
    /// queries to the global maximum (and whether its interval separates it from the next), and which
    /// leads at a small budget (a tenth of the budget) and at the full budget.
    static func searchAlgorithmFindings(_ records: [SearchAlgorithmRecord], metrics: [String],
                                        optimalReach: [OptimalReach] = []) -> [String] {
        var sentences: [String] = []
        var fewest: [AlgorithmID: Int] = [:]
        for metric in metrics {
            let ofMetric = records.filter { $0.metric == metric }
            guard ofMetric.count >= 2 else { continue }
            let byQueries = ofMetric.sorted { $0.queriesToGlobalMax.mean < $1.queriesToGlobalMax.mean }
            let (best, next, worst) = (byQueries[0], byQueries[1], byQueries[byQueries.count - 1])
            fewest[best.algorithm, default: 0] += 1
            let (b, n) = (best.queriesToGlobalMax, next.queriesToGlobalMax)
            let separated = b.mean + 1.96 * b.standardError < n.mean - 1.96 * n.standardError
            var sentence = "On \(metric), \(best.algorithm.displayName) needs the fewest queries to find the global maximum (\(NumberFormat.number(best.queriesToGlobalMax.mean)) on average), "
                + (separated ? "clearly fewer than the next, \(next.algorithm.displayName) (\(NumberFormat.number(next.queriesToGlobalMax.mean)); the 95% intervals do not overlap)"
                             : "though its 95% interval overlaps that of the next, \(next.algorithm.displayName) (\(NumberFormat.number(next.queriesToGlobalMax.mean)))")
                + ", and \(worst.algorithm.displayName) the most (\(NumberFormat.number(worst.queriesToGlobalMax.mean)))."
            let budget = ofMetric.map(\.fixedBudget.meanBest.count).min() ?? 0
            if budget > 0 {
                let small = max(1, budget / 10)
                func leaders(at queries: Int) -> String {
                    let values = ofMetric.map { ($0.algorithm, $0.fixedBudget.meanBest[queries - 1]) }
                    let top = values.map { $0.1 }.max()!
                    let names = values.filter { $0.1 == top }.map { $0.0.displayName }
                    return "\(names.joined(separator: " and ")) \(names.count > 1 ? "lead" : "leads") (mean best-so-far \(NumberFormat.number(top, significantDigits: 4))%)"
                }
                let atSmall = leaders(at: small), atFull = leaders(at: budget)
                sentence += " After \(NumberFormat.integer(small)) queries \(atSmall); after the full budget of \(NumberFormat.integer(budget)) \(atFull)."
            }
            if let relative = reachRelativeToOptimum(ofMetric, optimalReach: optimalReach) { sentence += " " + relative }
            sentences.append(sentence)
        }
        if let top = fewest.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }), sentences.count > 1 {
            sentences.append("Over the metrics, \(top.key.displayName) needs the fewest queries to the global maximum on \(top.value) of \(sentences.count).")
        }
        return sentences
    }

    /// Where the algorithms' effective reach from the top 10% at the shortest path length sits against the
    /// optimal reach of improving acceptance there (the operators' smoothed peak with its bootstrap
    /// interval); nil when either is missing.
    static func reachRelativeToOptimum(_ records: [SearchAlgorithmRecord], optimalReach: [OptimalReach]) -> String? {
        guard let metric = records.first?.metric, let length = records.first?.mapPathLength,
              let optimum = optimalReach.first(where: {
                  $0.metric == metric && $0.acceptance == .improving && $0.pathLength == length && $0.group == .top10
                      && $0.statistic.improvability == .meanImprovability && $0.statistic.reachMeasure == .reach
              }), let peak = optimum.reach, let lower = optimum.ciLower, let upper = optimum.ciUpper else { return nil }
        let points = records.compactMap { record in
            record.reachImprovability.first { $0.group == .top10 && $0.pathLength == length }.map { (record.algorithm, $0.effectiveReach) }
        }
        guard !points.isEmpty else { return nil }
        let inside = points.filter { (lower...upper).contains($0.1) }.map { $0.0.displayName }
        let below = points.filter { $0.1 < lower }.count, above = points.filter { $0.1 > upper }.count
        let list = points.map { "\($0.0.displayName) \(NumberFormat.number($0.1))" }.joined(separator: ", ")
        return "From the top 10% at L = \(length), the operators' improvability under improving acceptance peaks at reach \(NumberFormat.number(peak)) (95% interval \(NumberFormat.number(lower))–\(NumberFormat.number(upper))); the algorithms move \(list) edits per iteration: "
            + (inside.isEmpty ? "none inside that interval" : "\(inside.joined(separator: ", ")) inside it")
            + ", \(below) below and \(above) above."
    }
}
