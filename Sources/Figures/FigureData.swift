import Analysis
import Search

/// The slices of an analysis output the figures read, indexed once so that each figure looks up its
/// records instead of scanning the whole improvability table.
struct FigureData: Sendable {
    let results: Results
    private let recordsBySetting: [SettingKey: [ImprovabilityRecord]]
    private let testsBySetting: [SettingKey: HypothesisTest]
    private let cellsByMetric: [String: CellTable]

    init(_ output: AnalysisOutput) {
        results = output.results
        var records: [SettingKey: [ImprovabilityRecord]] = [:]
        for record in output.records { records[SettingKey(record), default: []].append(record) }
        recordsBySetting = records
        var tests: [SettingKey: HypothesisTest] = [:]
        for test in output.results.hypotheses where test.primary && test.reachMeasure == .reach {
            tests[test.settingKey] = test
        }
        testsBySetting = tests
        cellsByMetric = Dictionary(output.cells.map { ($0.metricID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func records(metric: String, acceptance: AcceptanceRule, setting: ExperimentSetting, group: StartGroupID) -> [ImprovabilityRecord] {
        recordsBySetting[SettingKey(metric: metric, acceptance: acceptance, setting: setting, group: group)] ?? []
    }

    /// The primary test (reach against the mean statistic) of a setting.
    func test(metric: String, acceptance: AcceptanceRule, setting: ExperimentSetting, group: StartGroupID) -> HypothesisTest? {
        testsBySetting[SettingKey(metric: metric, acceptance: acceptance, setting: setting, group: group)]
    }

    var pathLengths: [Int] { Array(Set(results.configuration.pathLengths)).sorted() }

    func cells(metric: String) -> CellTable? { cellsByMetric[metric] }

    func summary(metric: String) -> MetricSummary? { results.metrics.first { $0.id == metric } }
}
