import Search
import Support

/// The key of the figure panel that shows one experiment setting and starting group, shared by the figure's
/// point-data file and the page rows that link to the panel, so the two name it the same way.
public enum FigurePanelKey {
    public static func of(setting: ExperimentSetting, group: StartGroupID) -> String {
        switch setting {
        case .pathLength(let length): "L\(length)-\(group.rawValue)"
        case .threshold(let label): Slug.make(label, fallback: "threshold") + "-\(group.rawValue)"
        }
    }
}

extension FigureEntry {
    /// Whether the figure has a panel for `setting`: a reach scatter shows only some of the configured
    /// path lengths as columns (`FigureCatalog.shownPathLengths`), a hitting-time figure every threshold.
    public func hasPanel(for setting: ExperimentSetting, pathLengths: [Int]) -> Bool {
        switch (kind, setting) {
        case (.reachVsImprovability, .pathLength(let length)): FigureCatalog.shownPathLengths(pathLengths).contains(length)
        case (.hittingTime, .threshold): true
        default: false
        }
    }
}
