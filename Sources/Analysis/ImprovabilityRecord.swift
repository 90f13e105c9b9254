import Search

/// One row of `tables/improvability.csv`: a search row and the metric it was computed on. The columns
/// are `metric` and then `ImprovabilityRow`'s stored properties, which define every other column.
@dynamicMemberLookup
public struct ImprovabilityRecord: Sendable, Equatable, Codable {
    public var metric: String
    public var row: ImprovabilityRow

    public subscript<T>(dynamicMember keyPath: KeyPath<ImprovabilityRow, T>) -> T { row[keyPath: keyPath] }
}

extension ImprovabilityRecord {
    private enum MetricKey: String, CodingKey { case metric }

    public init(from decoder: any Decoder) throws {
        metric = try decoder.container(keyedBy: MetricKey.self).decode(String.self, forKey: .metric)
        row = try ImprovabilityRow(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MetricKey.self)
        try container.encode(metric, forKey: .metric)
        try row.encode(to: encoder)
    }
}

/// One experiment setting of one metric, acceptance rule and starting group: the unit a hypothesis
/// test, a figure panel and a breakdown summarise over operators.
public struct SettingKey: Hashable, Sendable {
    public var metric: String
    public var acceptance: AcceptanceRule
    public var setting: ExperimentSetting
    public var group: StartGroupID

    public init(metric: String, acceptance: AcceptanceRule, setting: ExperimentSetting, group: StartGroupID) {
        self.metric = metric
        self.acceptance = acceptance
        self.setting = setting
        self.group = group
    }

    public init(_ record: ImprovabilityRecord) {
        self.init(metric: record.metric, acceptance: record.acceptance, setting: record.setting, group: record.group)
    }
}
