/// One of the five operations an edge of a NATS-Bench topology cell can carry.
///
/// The raw values fix the operation order used everywhere in nasreach (base-5 digits, kernels `M`,
/// `results.json`): none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3.
public enum Operation: Int, CaseIterable, Sendable, Hashable, Codable {
    case none = 0
    case skipConnect = 1
    case conv1x1 = 2
    case conv3x3 = 3
    case avgPool3x3 = 4

    /// The name used in NATS-Bench arch strings.
    public var name: String {
        switch self {
        case .none: "none"
        case .skipConnect: "skip_connect"
        case .conv1x1: "nor_conv_1x1"
        case .conv3x3: "nor_conv_3x3"
        case .avgPool3x3: "avg_pool_3x3"
        }
    }

    public init?(name: Substring) {
        guard let match = Operation.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// Whether the operation lets information through (everything but `none`).
    public var connects: Bool { self != .none }
}
