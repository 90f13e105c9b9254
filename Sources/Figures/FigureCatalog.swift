import Algorithms
import Analysis
import Support
import Search

/// The report's figure set: which figures exist for a results folder, where they go and what they show.
/// The Report stage links these entries; `FigureSet` draws them. Paths are relative to the site root,
/// without extension (every figure is written as `.png`, `.svg` and `.pdf`).
public struct FigureEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Across metrics: Kendall's tau of H1–H3 against path length (the index page's key figure).
        case tauByPathLength = "tau-by-path-length"
        /// Per metric: histogram of accuracies with 10th/90th percentiles, mean, median, skewness.
        case distribution
        /// Per metric and acceptance rule: reach vs improvability, groups × path lengths.
        case reachVsImprovability = "reach-vs-improvability"
        /// Per metric: improvability against path length for the anchor operators, with error bands.
        case improvabilityByPathLength = "improvability-by-path-length"
        /// Per metric and acceptance rule: mean hitting time against reach beside the runtime ECDF, one row
        /// per threshold and group.
        case hittingTime = "hitting-time"
        /// Per metric: improvability by operator family on the top and bottom 10% (box + strip).
        case topBottomBreakdown = "top-bottom-breakdown"
        /// Per metric: accuracy against edit distance to the global maximum, local maxima highlighted.
        case fitnessDistance = "fitness-distance"
        /// Per metric: exact random-walk autocorrelation with the Monte Carlo estimate and error bars.
        case autocorrelation
        /// Per metric: energy of the accuracy in each Fourier order.
        case orderEnergies = "order-energies"
        /// Per metric: the search algorithms' mean best-so-far accuracy against queries, with 95% bands.
        case algorithmFixedBudget = "search-algorithms-fixed-budget"
        /// Per metric: the ECDF of the algorithms' queries to the global maximum.
        case algorithmRuntimes = "search-algorithms-runtime-ecdf"
        /// Per metric: the algorithms on the reach–improvability map beside the operators.
        case algorithmMap = "search-algorithms-map"
        /// Per metric: the optimal reach against path length, one panel per acceptance rule.
        case optimalReachByPathLength = "optimal-reach-by-path-length"
        /// Per metric: each Fourier order's contribution to the mean improvability (always).
        case spectralShares = "spectral-shares"
    }

    public let kind: Kind
    /// Metric id, nil for figures across metrics.
    public let metric: String?
    /// Acceptance rule label, for figures drawn per rule.
    public let acceptance: AcceptanceRule?
    /// `figures/<metric slug or "overview">/<kind>[-<rule slug>]`.
    public let path: String
    public let title: String
    public let caption: String
    public let altText: String
    /// Canvas size in CSS pixels (the PNG is drawn at `FigureStyle.pngScale(of:)` times it).
    public let width: Double
    public let height: Double
}

public enum FigureCatalog {
    /// Path lengths shown as columns of the reach-vs-improvability small multiples: the shortest and the
    /// longest. Two columns give each thousand-point panel twice the width of three, and keep the report's
    /// heaviest figures within its weight; every length is in the tau and optimal-reach figures and the tables.
    public static func shownPathLengths(_ configured: [Int]) -> [Int] {
        let sorted = Array(Set(configured)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return [] }
        return first == last ? [first] : [first, last]
    }

    /// The threshold settings (label and hypothesis) with a primary test for `metric` under `acceptance`,
    /// thresholds in the order the tests give them, then hypotheses: the rows of its hitting-time figure,
    /// which the catalog sizes and the figure fills from this one list.
    static func hittingTimeSettings(_ results: Results, metric: String, acceptance: AcceptanceRule) -> [(label: String, hypothesis: Hypothesis)] {
        let tests = results.hypotheses.filter { $0.primary && $0.reachMeasure == .reach && $0.metric == metric && $0.acceptance == acceptance }
        var labels: [String] = []
        for label in tests.compactMap(\.thresholdLabel) where !labels.contains(label) { labels.append(label) }
        return labels.flatMap { label in
            Hypothesis.allCases.filter { hypothesis in tests.contains { $0.thresholdLabel == label && $0.hypothesis == hypothesis } }.map { (label, $0) }
        }
    }

    /// Which permutation null is behind each rule's bands of the key figure, and how large it is.
    static func tauNullCaption(_ results: Results) -> String {
        let coverage = NullCoverage(results.hypotheses.filter { $0.experiment == .fixedLength })
        var parts: [String] = []
        if let null = coverage.spectralGroups ?? coverage.spectralAllStarts {
            parts.append("always-accept, \(NumberFormat.integer(null.replicates)) exact replicates over \(coverage.spectralOperatorsDisplayName.joined(separator: " and "))")
        }
        if let subset = coverage.walkedFitnessDependent {
            parts.append("the fitness-dependent rules, \(NumberFormat.integer(subset.replicates)) replicates walked by Monte Carlo for a reach-stratified subset of \(NumberFormat.integer(subset.operators)) operators")
        }
        guard !parts.isEmpty else { return "" }
        return " Bands: each test's permutation null, mean ± 2 SD of tau over permuted landscapes (what regression to the mean alone gives): "
            + parts.joined(separator: "; ") + ". Dashed lines: the observed tau over the null's own operators, which the band is compared with (the test's tau where the null has every operator)."
    }

    public static func entries(for results: Results) -> [FigureEntry] {
        let rules = results.configuration.acceptanceRules
        var entries = [FigureEntry(
            kind: .tauByPathLength, metric: nil, acceptance: nil, path: "figures/overview/tau-by-path-length",
            title: "Kendall's tau of reach vs mean improvability, by path length and acceptance rule",
            caption: "Kendall's tau-b between operator reach and mean improvability against path length L, for H1 (top 10% starts), H2 (bottom 10%) and H3 (all starts); one row of panels per acceptance rule, one column per metric. Filled points are significant after Holm's adjustment." + tauNullCaption(results),
            altText: "Line charts of Kendall's tau against path length for hypotheses H1, H2 and H3, one row per acceptance rule and one panel per metric, with the permutation null as a band.",
            width: 900, height: 80 + 250 * Double(max(1, rules.count)))]
        let lengths = shownPathLengths(results.configuration.pathLengths)
        for metric in results.metrics {
            let base = "figures/\(metric.slug)/"
            let name = metric.id
            func entry(_ kind: FigureEntry.Kind, acceptance: AcceptanceRule? = nil, title: String, caption: String, alt: String,
                       width: Double = 760, height: Double = 420) -> FigureEntry {
                let suffix = acceptance.map { "-" + Slug.make($0.label, fallback: "rule") } ?? ""
                return FigureEntry(kind: kind, metric: metric.id, acceptance: acceptance, path: base + kind.rawValue + suffix,
                                   title: title, caption: caption, altText: alt, width: width, height: height)
            }
            entries.append(entry(.distribution, title: "Accuracy distribution — \(name)",
                                 caption: "Histogram of the \(metric.count) accuracies of \(name), with the 10th and 90th percentiles (the bottom/top 10% cut-offs), the mean and the median; sample skewness \(NumberFormat.number(metric.skewness)).",
                                 alt: "Histogram of accuracies for \(name) with percentile, mean and median lines."))
            for rule in results.configuration.acceptanceRules {
                entries.append(entry(.reachVsImprovability, acceptance: rule,
                                     title: "Reach vs improvability — \(name), \(rule.label)",
                                     caption: "One point per operator, coloured by family: reach against mean improvability (accuracy points per iteration) with \(rule.label) acceptance, for top 10%, bottom 10% and all starts (rows) at L = \(lengths.map(String.init).joined(separator: ", ")) (columns). Each panel gives Kendall's tau and the verdict\(results.optimalReach.isEmpty ? "" : ", and in dark grey the Nadaraya–Watson mean of improvability against reach (Gaussian kernel, bandwidth \(NumberFormat.number(OptimalReach.defaultBandwidth)) edits) with its \(NumberFormat.number(100 * results.configuration.confidence))% pointwise bootstrap band over operators; the dashed line and the panel title give the reach at its peak, the optimal reach (its interval is in the tables)").",
                                     alt: "Grid of scatter plots of reach against mean improvability for \(name) with \(rule.label) acceptance.",
                                     width: 900, height: 760))
            }
            entries.append(entry(.improvabilityByPathLength, title: "Improvability by path length — \(name)",
                                 caption: "Mean improvability against path length L for the anchor operators k-edit(1)…k-edit(6) and uniform (always-accept), per starting group; bands are ±2 standard errors where the value is a Monte Carlo estimate.",
                                 alt: "Line charts of mean improvability against path length for representative operators, per group.",
                                 width: 900, height: 360))
            for rule in results.configuration.acceptanceRules {
                entries.append(entry(.hittingTime, acceptance: rule, title: "Hitting time vs reach — \(name), \(rule.label)",
                                     caption: "One row per threshold θ and starting group, with \(rule.label) acceptance. Left: the mean number of iterations to reach θ (y, log scale) against reach (x), one point per operator; shorter is higher improvability. Right: the runtime ECDF, per family the fraction of operators whose hitting time is at most t, against t (x, log scale); the marker sits at the family's median operator. Exact rows have no cap; rows estimated by Monte Carlo walks stop at a step cap, drawn as a dashed line only in the panels that hold such rows, and where walks were still below θ at the cap the row's value is the restricted mean to the cap, a lower bound of the mean, marked + as censored.",
                                     alt: "Scatter plots of mean hitting time against reach, each beside the ECDF of hitting times per operator family, for \(name) with \(rule.label) acceptance.",
                                     width: 900, height: 90 + 200 * Double(max(1, hittingTimeSettings(results, metric: metric.id, acceptance: rule).count))))
            }
            entries.append(entry(.topBottomBreakdown, title: "Top and bottom 10% by family — \(name)",
                                 caption: "Distribution over operators of the mean improvability at L = \(lengths.first ?? 1) (always-accept) by operator family, for the top 10% and the bottom 10% of starts (box: quartiles and median; points: operators).",
                                 alt: "Box plots of improvability by operator family for the top and bottom 10% of starts.",
                                 width: 900, height: 380))
            entries.append(entry(.fitnessDistance, title: "Fitness vs distance to the global maximum — \(name)",
                                 caption: "Accuracy of every cell against its edit distance to the global maximum (jittered, except the global maximum at distance 0); strict local maxima highlighted. FDC (Pearson) \(NumberFormat.number(results.landscape[metric.id]?.fdc)).",
                                 alt: "Scatter plot of accuracy against edit distance to the global maximum with local maxima highlighted."))
            entries.append(entry(.autocorrelation, title: "Random-walk autocorrelation — \(name)",
                                 caption: "Autocorrelation ρ(k) of accuracy along a simple random walk, exact (line, from the Fourier order energies) and Monte Carlo (points with ±2 standard errors).",
                                 alt: "Line chart of exact autocorrelation against lag with Monte Carlo estimates and error bars."))
            entries.append(entry(.orderEnergies, title: "Energy by Fourier order — \(name)",
                                 caption: "Share of the variance of accuracy carried by each Fourier order j = 1…6 (j = 1: single edges, j = 2: pairs of edges, …).",
                                 alt: "Bar chart of variance share by Fourier order."))
            if let study = results.searchAlgorithms.first(where: { $0.metric == metric.id }) {
                let names = results.searchAlgorithms.filter { $0.metric == metric.id }.map(\.algorithm.displayName).joined(separator: ", ")
                entries.append(entry(.algorithmFixedBudget, title: "Search algorithms at a fixed budget — \(name)",
                                     caption: "Mean best-so-far accuracy against queries (unique architectures queried, log scale) over \(NumberFormat.integer(study.runs)) seeded runs of each algorithm (\(names)), up to the budget of \(NumberFormat.integer(study.budget)) queries; bands are 95% confidence intervals of the mean (±1.96 standard errors), the grey line the global maximum.",
                                     alt: "Line chart of mean best-so-far accuracy against queries for each search algorithm, with confidence bands."))
                entries.append(entry(.algorithmRuntimes, title: "Queries to the global maximum — \(name)",
                                     caption: "Empirical distribution (ECDF) of the queries each run needed to first query the global maximum (log scale), one step line per algorithm over \(NumberFormat.integer(study.runs)) runs; every run goes on until it finds it, so nothing is censored. The grey line marks the budget of \(NumberFormat.integer(study.budget)) queries; the marker sits at the median run.",
                                     alt: "Step plots of the fraction of runs that have found the global maximum against queries, per search algorithm."))
                entries.append(entry(.algorithmMap, title: "Search algorithms on the reach–improvability map — \(name)",
                                     caption: "Each algorithm's effective reach (edit distance moved per iteration) against its mean improvability (accuracy points per iteration) over its first L = \(study.mapPathLength) iteration\(study.mapPathLength == 1 ? "" : "s") from uniformly drawn starts in the top 10%, bottom 10% and all cells (95% intervals of the mean as bars), beside the \(NumberFormat.integer(results.operators.count)) operators under always-accept (grey).",
                                     alt: "Three scatter plots of effective reach against mean improvability with the operators in grey and one marker per search algorithm.",
                                     width: 900, height: 380))
            }
            if !results.optimalReach.isEmpty {
                entries.append(entry(.optimalReachByPathLength, title: "Optimal reach by path length — \(name)",
                                     caption: "The reach at which the smoothed mean improvability peaks, against path length L, per acceptance rule and starting group, with the bootstrap interval of the peak. An open point: the curve is monotone within its band, so the optimum is an end of the reach range.",
                                     alt: "Line charts of optimal reach against path length for each acceptance rule and group.",
                                     width: 900, height: 330))
            }
            if results.spectral.contains(where: { $0.metric == metric.id }) {
                entries.append(entry(.spectralShares, title: "Fourier orders of the mean improvability — \(name)",
                                     caption: "Under always-accept, each Fourier order's exact contribution ((λ_j^L − 1)/L) · mean_group(f_j) to the mean improvability of the top and bottom 10%, averaged over the isotropic operators, against path length; the contributions sum to the mean (dashed).",
                                     alt: "Line charts of each Fourier order's contribution to mean improvability against path length, for the top and bottom 10%.",
                                     width: 900, height: 330))
            }
        }
        return entries
    }
}
