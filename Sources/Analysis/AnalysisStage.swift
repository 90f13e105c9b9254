/// The stages of `AnalysisRun.run`, in the order they run; progress reports name one of them.
public enum AnalysisStage: Sendable, Equatable, CaseIterable {
    case landscape, experiments, searchAlgorithms, nulls, hypotheses

    /// What a stage's `done`/`total` count, for a progress line ("1,500 of 3,000 operator runs");
    /// nil for stages that report only their start and end.
    public var unit: String? {
        switch self {
        case .experiments: "operator runs"
        case .nulls: "metrics"
        case .landscape, .searchAlgorithms, .hypotheses: nil
        }
    }
}
