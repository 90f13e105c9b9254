import Analysis

/// Every stage a command reports, as the terminal names it.
enum RunStage: Equatable {
    case loading(file: String)
    case analysis(AnalysisStage)
    case writingResults, readingResults, figures, site

    var title: String {
        switch self {
        case .loading(let file): "loading \(file)"
        case .analysis(.landscape): "landscape"
        case .analysis(.experiments): "experiments"
        case .analysis(.searchAlgorithms): "search algorithms"
        case .analysis(.nulls): "nulls"
        case .analysis(.hypotheses): "hypotheses"
        case .writingResults: "writing results"
        case .readingResults: "reading results"
        case .figures: "figures"
        case .site: "site"
        }
    }

    /// What the stage's counts count; nil when it reports only its start and end.
    var unit: String? {
        switch self {
        case .loading: "files"
        case .analysis(.experiments): "operator runs"
        case .analysis(.nulls): "metric nulls"
        case .analysis(.landscape), .analysis(.searchAlgorithms), .analysis(.hypotheses): nil
        case .figures: "figures"
        case .site: "pages"
        case .writingResults, .readingResults: nil
        }
    }
}
