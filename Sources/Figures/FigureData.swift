import Analysis

/// The slices of an analysis output the figures read, indexed once so that each figure looks up its
/// records instead of scanning the whole improvability table.
struct FigureData: Sendable {
    let results: Results
    private let recordsBySetting: [SettingKey: [ImprovabilityRecord]]
    private let testsBySetting: [SettingKey: HypothesisTest]
    /// Threshold labels and path lengths in the order the table first gives them.
    private let thresholdLabels: [String]
    private let cellsByMetric: [String: CellTable]

    /// One experiment setting of one metric, acceptance rule and starting group.
    struct SettingKey: Hashable, Sendable {
        var metric: String
        var acceptance: String
        var experiment: String
        /// `L=10` or `θ=p90`, as `ImprovabilityRecord.setting` spells it.
        var setting: String
        var group: String
    }

    init(_ output: AnalysisOutput) {
        results = output.results
        var records: [SettingKey: [ImprovabilityRecord]] = [:]
        var labels: [String] = []
        for record in output.records {
            let key = SettingKey(metric: record.metric, acceptance: record.acceptance, experiment: record.experiment,
                                 setting: record.setting, group: record.group)
            records[key, default: []].append(record)
            if let label = record.thresholdLabel, !labels.contains(label) { labels.append(label) }
        }
        recordsBySetting = records
        thresholdLabels = labels
        var tests: [SettingKey: HypothesisTest] = [:]
        for test in output.results.hypotheses where test.primary && test.reachMeasure == "reach" {
            tests[SettingKey(metric: test.metric, acceptance: test.acceptance, experiment: test.experiment,
                             setting: test.setting, group: test.group)] = test
        }
        testsBySetting = tests
        cellsByMetric = Dictionary(output.cells.map { ($0.metricID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let fixedLength = "fixed-length"
    static let fixedThreshold = "fixed-threshold"
    static let always = "always"
    /// The hypothesis groups in the order the figures show them, with their display names.
    static let groups: [(id: String, name: String, hypothesis: String)] = [
        ("top10", "top 10%", "H1"), ("bottom10", "bottom 10%", "H2"), ("all", "all starts", "H3"),
    ]

    func records(metric: String, acceptance: String, pathLength: Int, group: String) -> [ImprovabilityRecord] {
        recordsBySetting[SettingKey(metric: metric, acceptance: acceptance, experiment: Self.fixedLength,
                                    setting: "L=\(pathLength)", group: group)] ?? []
    }

    func records(metric: String, acceptance: String, thresholdLabel: String, group: String) -> [ImprovabilityRecord] {
        recordsBySetting[SettingKey(metric: metric, acceptance: acceptance, experiment: Self.fixedThreshold,
                                    setting: "θ=\(thresholdLabel)", group: group)] ?? []
    }

    /// The primary test (reach against the mean statistic) of a fixed-length setting.
    func test(metric: String, acceptance: String, pathLength: Int, group: String) -> HypothesisTest? {
        testsBySetting[SettingKey(metric: metric, acceptance: acceptance, experiment: Self.fixedLength,
                                  setting: "L=\(pathLength)", group: group)]
    }

    /// The primary test (reach against mean hitting time) of a fixed-threshold setting.
    func test(metric: String, acceptance: String, thresholdLabel: String, group: String) -> HypothesisTest? {
        testsBySetting[SettingKey(metric: metric, acceptance: acceptance, experiment: Self.fixedThreshold,
                                  setting: "θ=\(thresholdLabel)", group: group)]
    }

    /// Threshold labels that have records for `metric` under always-accept, with their groups.
    func thresholdSettings(metric: String) -> [(label: String, group: (id: String, name: String, hypothesis: String))] {
        thresholdLabels.flatMap { label in
            Self.groups.filter { !records(metric: metric, acceptance: Self.always, thresholdLabel: label, group: $0.id).isEmpty }
                .map { (label, $0) }
        }
    }

    var pathLengths: [Int] { Array(Set(results.configuration.pathLengths)).sorted() }

    func cells(metric: String) -> CellTable? { cellsByMetric[metric] }

    func summary(metric: String) -> MetricSummary? { results.metrics.first { $0.id == metric } }
}
