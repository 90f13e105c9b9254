/// The stages of `AnalysisRun.run`, in the order they run; progress reports name one of them.
public enum AnalysisStage: Sendable, Equatable {
    case landscape, experiments, searchAlgorithms, nulls, hypotheses
}
