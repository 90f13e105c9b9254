import Support
import Analysis
import Search
import Figures
import Foundation

extension ReportContent {
    /// Definitions, the operator set, which numbers are exact, the statistics and the run's configuration.
    var methodsPage: Page {
        let configuration = results.configuration
        let tested = results.hypotheses.filter { $0.pValue != nil }.count
        let preserving = results.operators.filter(\.preservesUniform).count
        return Page(path: Self.methodsPath, title: "Methods", breadcrumbs: Self.home, intro: [
            "How every number of this report is defined and computed, and the configuration of this run.",
        ], sections: [
            Section("Definitions", [.definitions([
                Definition("Search space", "NATS-Bench topology cells: 4 nodes, 6 edges, each carrying one of 5 operations (none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3), so 5⁶ = 15 625 cells. The edit distance of two cells is the number of edges whose operation differs; the neighbours of a cell are the 24 cells at distance 1."),
                Definition("Operator", "The proposal probabilities P(x → y) of a search step; a search method adds an acceptance rule (always, improving, non-worsening, metropolis(T))."),
                Definition("Reach", "The expected edit distance of one proposal, averaged over a uniformly drawn start."),
                Definition("Effective reach", "The expected edit distance actually moved per iteration (a rejected proposal moves 0), averaged over the starting group; equal to the reach under always-accept."),
                Definition("Improvability", "Fixed path length L: (f(X_L) − f(x)) / L in expectation over the chain, per start x, summarised per group by its mean, its median and the fraction of starts with a positive expected change. Fixed threshold θ: the hitting time, the first iteration with f(X_t) ≥ θ from a start below θ; shorter is more improvable."),
                Definition("Experiments", "Fixed path length with L ∈ {\(configuration.pathLengths.map(String.init).joined(separator: ", "))}; fixed threshold with θ at the \(configuration.thresholdPercentiles.map(Vocabulary.plain).joined(separator: "th, "))th percentiles of the metric (type 7), and the median for the bottom 10%."),
                Definition("Groups", "top 10%: the ⌈N/10⌉ cells with the highest accuracy (ties to the lower API index); bottom 10%: the ⌈N/10⌉ lowest; all cells. H1 starts in the top 10%, H2 in the bottom 10%, H3 in all cells."),
            ])]),
            Section("Exact and Monte Carlo", [
                .paragraph("Fitness-independent operators whose kernel depends only on the edit distance are diagonalised by the Fourier transform on Z₅⁶, and op-kernel operators are products over the edges, so under always-accept every improvability is exact, and so is every hitting time (Krylov solves, no cap); where an op-kernel's per-edge kernel splits the operations so that some starts never reach θ, the mean is infinite and the row gives the exact restricted mean to a cap (Monte Carlo's largest, doubled until the neglected tail is below 10⁻⁹), so named. Fitness-dependent acceptance is exact in five cases: dynamic programming at every path length for k-edit(k) with k ≤ \(configuration.monteCarlo.dynamicProgrammingMaxK) and for uniform (its proposals are uniform over all cells, so one step is one pass over the cells sorted by accuracy); for k-edit with a larger k, one pass over every cell's distance spheres per step, up to L = \(configuration.monteCarlo.exactChainMaxLength); the one- and two-step tables (sums over every cell's distance spheres, once per metric and rule) for every other operator whose kernel depends only on the edit distance at L = 1 and L = 2; and, for the same operators wherever no cell below θ is stuck, one sweep down the accuracies for the hitting times under improving and non-worsening (a non-worsening chain moves only up or within a tied level, solved together). Everything else (longer paths, metropolis hitting times, op-kernel hitting times under fitness-dependent rules, and k-edit ones where a cell below θ has no accepted move up) is estimated by Monte Carlo. Monte Carlo precision is set by a target, not a walk count: every fixed-length setting should reach reliability \(Vocabulary.plain(configuration.monteCarlo.reliability)) (the variance of the true values across operators over that of the estimates, so no tau is attenuated by more than about \(Vocabulary.plain((100 * (1 - configuration.monteCarlo.reliability.squareRoot())).rounded()))%); a pilot on the first \(WalkBudget.pilotOperators) Monte Carlo operators picks the walks per group (\(configuration.monteCarlo.minimumWalks) to \(NumberFormat.integer(configuration.monteCarlo.maximumWalks))). Starts are a stratified sample by accuracy with two walks per stratum, which makes every standard error unbiased. A walk of an operator whose kernel depends only on the edit distance contributes the sum of the exact expected one-step changes along its path (a control variate, exact at L = 1) instead of its own outcome; under metropolis the other walks average each step over its accept-or-reject draw wherever the pilot finds that sharper (both unbiased); each test on Monte Carlo values reports the values' reliability (1 − mean squared standard error / variance of the estimates) and the tau corrected for it. Hitting-time walks (\(configuration.monteCarlo.hittingWalks) per group) stop at \(configuration.monteCarlo.hittingTimeCap) iterations, doubled for the censored walks while more than 1% are censored (up to \(NumberFormat.integer(configuration.monteCarlo.maximumHittingTimeCap))); where censoring remains, the row gives the restricted mean to its cap (so named in the hittingTimeEstimator column), never a capped mean called the mean, and the Kaplan–Meier median. The table counts the rows of tables/improvability.csv by method."),
                .table(methodTable),
                .paragraph("Stationarity: for an operator whose proposals are symmetric (or doubly stochastic), always-accept leaves the uniform distribution stationary, so its mean improvability over all cells is exactly 0. \(NumberFormat.integer(preserving)) of the \(NumberFormat.integer(results.operators.count)) operators of this run have that property; their means are stored as exact zeros. If every operator's mean is 0 the H3 test of that setting is undefined; otherwise tau-b runs over the zeros and the non-zero values, and the hypothesis page says how many operators carry it. The median and the fraction of improving starts are tested as well."),
            ]),
            Section("Operators", [
                .paragraph("\(NumberFormat.integer(results.operators.count)) operators generated from seed \(results.provenance.seed) so that reach spans 0 to 6 with several structures at equal reach. Every operator's parameters are in operators.csv and results.json."),
                .table(familyTable),
            ]),
            Section("Statistics", [.definitions([
                Definition("Correlation", "Kendall's tau-b (ties handled) between the operators' reach (or effective reach) and an improvability statistic, over the operator set, as scipy.stats.kendalltau computes it."),
                Definition("p-values", "Two-sided and one-sided in the hypothesised direction; exact for small samples without ties, otherwise asymptotic normal with tie correction (as scipy). Shown with three significant digits, in scientific notation below 0.001, and as < 1e-300 when the p-value underflows."),
                Definition("Multiple comparisons", "Holm–Bonferroni over all \(NumberFormat.integer(tested)) tests of this report that have a tau (of \(NumberFormat.integer(results.hypotheses.count)) tests in all), at α = \(Vocabulary.plain(configuration.alpha))."),
                Definition("Verdict", "supported: Holm-adjusted p < α with tau of the hypothesised sign; falsified: adjusted p < α with the opposite sign; inconclusive: otherwise; undefined: the statistic carries no information (the reason is given)."),
                Definition("Confidence intervals", "Percentile bootstrap over operators for every primary tau: \(NumberFormat.integer(configuration.bootstrapReplicates)) replicates, \(Vocabulary.plain(100 * configuration.confidence))% level."),
                Definition("Permutation null", Self.nullMethod(results)),
                Definition("Optimal reach", "Per metric, acceptance rule, setting and group, a Nadaraya–Watson smoother with a Gaussian kernel of bandwidth \(NumberFormat.number(OptimalReach.defaultBandwidth)) reach units (the operators binned to 1/\(OptimalReach.bins) of the reach range) estimates the curve of the mean statistic against reach on \(OptimalReach.gridPoints) points; the optimal reach is where it peaks (the shortest mean hitting time for the fixed threshold). A kernel smoother, not reach bands, because the operators' reaches are continuous and uneven: it uses every operator, has no band edges that move the peak, and its one parameter is in edit distances; 0.3 is narrower than the unit gap between k-edit(k) and k-edit(k+1). Bands: \(NumberFormat.integer(configuration.bootstrapReplicates)) bootstrap resamples of the operators, pointwise \(Vocabulary.plain(100 * configuration.confidence))% percentile band, and the percentile interval of the resampled peaks. A curve is monotone when a non-decreasing or non-increasing function fits inside its band."),
                Definition("Spectral decomposition", "Under always-accept the mean improvability of a group splits exactly over the Fourier orders of the landscape: Σ_j ((λ_j^L − 1)/L) · mean_group(f_j), where f_j is the part of the accuracy that varies with exactly j edges jointly and λ_j the operator's eigenvalue; reported for k-edit(1)…k-edit(6), uniform and the average over the isotropic operators (results.json, spectral)."),
            ])]),
            Section("Configuration", [
                .paragraph("Every setting of this run, by its key in a --config file."),
                .table(configurationTable),
            ]),
        ])
    }

    /// How the permutation nulls were made, and which tests have none.
    static func nullMethod(_ results: Results) -> String {
        let configuration = results.configuration
        let primary = results.hypotheses.filter(\.primary)
        let withNull = primary.filter { $0.null != nil }
        let coverage = NullCoverage(primary)
        let operators = coverage.spectralGroups?.operators, allOperators = coverage.spectralAllStarts?.operators
        var text = "Regression to the mean makes H1 and H2 hold on any landscape under always-accept. To separate that from what the landscape's locality adds, each metric's \(NumberFormat.integer(results.metrics.first?.count)) values are permuted uniformly over the cells (seeded), the top and bottom 10% and the thresholds are re-derived from the permuted values, and the same Kendall test is run on each permuted landscape. Always-accept at a fixed path length takes \(NumberFormat.integer(configuration.nullReplicates)) permutations: the spectral engine makes a replicate cheap, as for an isotropic operator only the group means of the seven Fourier orders change."
        if let operators {
            text += " On the top and bottom 10% op-kernel operators have no such shortcut, so that null is taken over the \(NumberFormat.integer(operators)) isotropic operators, and the observed tau it is compared with is computed over the same operators."
        }
        if let allOperators {
            text += " Over all starts every operator's mean is a landscape-free linear form, (1/(N·L)) · ((Pᴸ)ᵀ1 − 1)ᵀ f; for op-kernel's product kernel the weight of a cell depends only on how many of its edges carry each operation, so a replicate costs a few hundred multiply-adds per operator. Isotropic and other doubly stochastic operators are exactly 0 on every permuted landscape as on the real one, the others carry tau, and that null is taken over all \(NumberFormat.integer(allOperators)) operators, ties included, as the test is."
        }
        if !results.nullSubset.isEmpty {
            text += " Every other primary test takes permutations walked by a fixed subset: fixed thresholds under always-accept \(NumberFormat.integer(configuration.nullReplicates)), as many as the spectral null (an always-accept walk is cheap), and the fitness-dependent rules at every path length and threshold \(NumberFormat.integer(configuration.nullSubsetReplicates)). The subset is \(NumberFormat.integer(results.nullSubset.count)) operators, one drawn (seeded) from each of \(NumberFormat.integer(results.nullSubset.count)) strata of equal size of the operators ranked by reach: \(results.nullSubset.joined(separator: ", ")). The exact engines cost seconds per landscape (one-step tables, dynamic programming, Krylov hitting times), so each subset operator is measured by Monte Carlo walks at a fixed budget (\(NumberFormat.integer(configuration.monteCarlo.minimumWalks)) starts per group × 2 walks; \(NumberFormat.integer(max(1, configuration.monteCarlo.hittingWalks / 2))) starts × 2 walks below θ, restricted to \(NumberFormat.integer(configuration.monteCarlo.hittingTimeCap)) steps), on the permuted landscapes and, for the observed tau it is compared with, on the real one, so that both carry the same Monte Carlo noise."
        }
        text += " The empirical p-value is two-sided with the +1 correction (twice the smaller tail); beyond the null means the one-sided empirical p-value in the hypothesised direction is below α = \(Vocabulary.plain(configuration.alpha)) (not Holm-adjusted). \(NumberFormat.integer(withNull.count)) of \(NumberFormat.integer(primary.count)) primary tests have a null."
        let reasons = primary.compactMap(\.nullReason).uniqueKeys { $0 }
        if !reasons.isEmpty { text += " The others have none: " + reasons.joined(separator: "; ") + "." }
        return text
    }

    var methodTable: Table {
        struct Key: Hashable {
            var experiment: Experiment
            var acceptance: AcceptanceRule
            var family: OperatorFamily
        }
        // One pass reading the fields in place: a copy of each of the hundreds of thousands of records
        // would retain all its strings.
        let records = output.records
        var firstSeen: [Key] = []
        var counts: [Key: (exact: Int, monteCarlo: Int)] = [:]
        for index in records.indices {
            let key = Key(experiment: records[index].row.experiment, acceptance: records[index].row.acceptance,
                          family: records[index].row.family)
            var count = counts[key] ?? (0, 0)
            if count == (0, 0) { firstSeen.append(key) }
            if records[index].row.method == .exact { count.exact += 1 } else { count.monteCarlo += 1 }
            counts[key] = count
        }
        // By experiment, each in the order its keys first appear.
        let keys = Experiment.allCases.flatMap { experiment in firstSeen.filter { $0.experiment == experiment } }
        return Table(caption: "Improvability rows by method", columns: ["Experiment", "Acceptance", "Family", "Exact", "Monte Carlo"],
                     rows: keys.map { key in
                         Table.Row(header: Table.Cell(key.experiment.displayName), cells: [
                             Table.Cell(key.acceptance.label), Table.Cell(key.family.rawValue), .integer(counts[key]!.exact),
                             .integer(counts[key]!.monteCarlo),
                         ])
                     })
    }

    var familyTable: Table {
        let families = results.operators.uniqueKeys(\.family)
        return Table(caption: "Operator families", columns: [
            "Family", "Operators", "Smallest reach", "Largest reach", "Symmetric", "Parameters",
        ], rows: families.map { family in
            let members = results.operators.filter { $0.family == family }
            let reaches = members.map(\.reach)
            return Table.Row(header: Table.Cell(family.rawValue), cells: [
                .integer(members.count), .number(reaches.min()), .number(reaches.max()),
                .integer(members.filter(\.symmetric).count), .note(parameters(of: members)),
            ])
        })
    }

    /// The parameters actually drawn for one family's operators.
    private func parameters(of members: [OperatorRecord]) -> String {
        func range(_ values: [Double]) -> String {
            guard let low = values.min(), let high = values.max() else { return NumberFormat.missing }
            return "\(NumberFormat.number(low)) to \(NumberFormat.number(high))"
        }
        var parts: [String] = []
        let ks = Set(members.compactMap(\.params.k)).sorted()
        if !ks.isEmpty { parts.append("k ∈ {\(ks.map(String.init).joined(separator: ", "))}") }
        let ps = members.compactMap(\.params.p)
        if !ps.isEmpty { parts.append("p from \(range(ps))") }
        if members.contains(where: { $0.params.pi != nil }) { parts.append("π over distances 0…6, one per operator") }
        if members.contains(where: { $0.params.m != nil }) { parts.append("5×5 row-stochastic M, one per operator") }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }

    /// Every key of the configuration as JSON spells it, so that a field added later is listed too.
    var configurationTable: Table {
        var rows: [Table.Row] = []
        func flatten(_ value: Any, key: String) {
            if let object = value as? [String: Any] {
                for name in object.keys.sorted() { flatten(object[name]!, key: key.isEmpty ? name : key + "." + name) }
            } else {
                rows.append(Table.Row(header: Table.Cell(key), cells: [Table.Cell(Self.configurationText(value))]))
            }
        }
        if let bytes = try? AnalysisOutput.encode(results.configuration),
           let object = try? JSONSerialization.jsonObject(with: Data(bytes)) {
            flatten(object, key: "")
        }
        return Table(caption: "Configuration of this run", columns: ["Key", "Value"], rows: rows)
    }

    private static func configurationText(_ value: Any) -> String {
        if let list = value as? [Any] { return list.map(configurationText).joined(separator: ", ") }
        if let number = value as? NSNumber { return Vocabulary.plain(number.doubleValue) }
        return "\(value)"
    }
}
