import Analysis

/// Plain-language names for the identifiers of `results.json`, shared by every page so that a group,
/// an experiment or a statistic reads the same wherever it appears.
enum Vocabulary {
    /// The hypotheses in page order.
    static let hypotheses = ["H1", "H2", "H3"]
    /// Verdicts in the order the summaries list them.
    static let verdicts = ["supported", "falsified", "inconclusive", "undefined"]

    static func hypothesisPath(_ hypothesis: String) -> String { "hypotheses/\(hypothesis.lowercased()).html" }
    static func metricPath(_ metric: MetricSummary) -> String { "metrics/\(metric.slug).html" }

    /// What each hypothesis claims, in science.md's words.
    static func claim(_ hypothesis: String) -> String {
        switch hypothesis {
        case "H1": "Operators with larger average reach have lower improvability than smaller-reach operators on the top 10% architectures: Kendall's tau(reach, improvability) < 0 over the operator set, starting from the top 10% of cells."
        case "H2": "Operators with larger average reach have higher improvability on the worst 10% architectures: tau(reach, improvability) > 0, starting from the bottom 10% of cells."
        case "H3": "Operators with larger average reach overall have lower improvability if the accuracy distribution has many accurate architectures: tau(reach, improvability) < 0, starting from every cell."
        default: hypothesis
        }
    }

    static func shortClaim(_ hypothesis: String) -> String {
        switch hypothesis {
        case "H1": "larger reach, lower improvability on the top 10%"
        case "H2": "larger reach, higher improvability on the bottom 10%"
        case "H3": "larger reach, lower improvability overall"
        default: hypothesis
        }
    }

    static func group(_ id: String) -> String {
        switch id {
        case "top10": "top 10%"
        case "bottom10": "bottom 10%"
        case "all": "all cells"
        default: id
        }
    }

    static func experiment(_ id: String) -> String {
        switch id {
        case "fixed-length": "fixed path length"
        case "fixed-threshold": "fixed threshold"
        default: id
        }
    }

    static func statistic(_ id: String) -> String {
        switch id {
        case "meanImprovability": "mean improvability"
        case "medianImprovability": "median improvability"
        case "fractionImproved": "fraction improved"
        case "meanHittingTime": "mean hitting time"
        case "reach": "reach"
        case "effectiveReach": "effective reach"
        default: id
        }
    }

    /// The two columns a test correlates, e.g. `effective reach ~ median improvability`.
    static func test(_ test: HypothesisTest) -> String {
        "\(statistic(test.reachMeasure)) ~ \(statistic(test.improvabilityStatistic))"
    }

    /// The setting of a test as a reader writes it: `L = 10` or `θ = p90`.
    static func setting(_ test: HypothesisTest) -> String {
        if let pathLength = test.pathLength { return "L = \(pathLength)" }
        return "θ = " + (test.thresholdLabel ?? Format.number(test.threshold))
    }

    /// The CSS class of a verdict cell; an unknown verdict is styled as undefined rather than trusted as a class name.
    static func verdictClass(_ verdict: String) -> String {
        "verdict-" + (verdicts.contains(verdict) ? verdict : "undefined")
    }

    /// A configured value as the user wrote it: `90`, `0.05` (shortest exact form, no rounding).
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// Records and tests are listed experiment by experiment in this order, unknown ones last.
    static func experimentOrder(_ id: String) -> Int {
        ["fixed-length", "fixed-threshold"].firstIndex(of: id) ?? 2
    }
}

extension Sequence {
    /// The distinct keys of the elements, in first-appearance order.
    func uniqueKeys<Key: Hashable>(_ key: (Element) -> Key) -> [Key] {
        var seen = Set<Key>()
        return compactMap { seen.insert(key($0)).inserted ? key($0) : nil }
    }
}
