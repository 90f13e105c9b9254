import Analysis
import Plotting

extension Preset {
    /// The Plotting preset a configuration's `figures.preset` names (Analysis does not know Plotting).
    public init(_ configured: Configuration.FigureOptions.Preset) {
        switch configured {
        case .screen: self = .screen
        case .paper: self = .paper
        }
    }
}
