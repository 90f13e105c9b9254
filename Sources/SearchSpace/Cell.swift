/// A cell of the NATS-Bench topology search space: six edges, each carrying one `Operation`.
///
/// Edges are numbered in arch-string order: 0 = 1←0, 1 = 2←0, 2 = 2←1, 3 = 3←0, 4 = 3←1, 5 = 3←2.
/// The `code` is the base-5 number whose digit `e` (least significant first) is the operation of edge `e`,
/// so axis `e` of the space Z_5^6 has stride 5^e in every array indexed by code.
public struct Cell: Hashable, Sendable, Comparable, Codable {
    public static let edgeCount = 6
    public static let operationCount = 5
    public static let count = 15_625
    /// 5^e for e = 0…6.
    public static let strides = [1, 5, 25, 125, 625, 3_125, 15_625]
    /// (to, from) node pairs of the six edges, in arch-string order.
    public static let edges: [(to: Int, from: Int)] = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]

    public let code: Int

    public init(code: Int) {
        precondition((0..<Cell.count).contains(code), "cell code \(code) out of range")
        self.code = code
    }

    public init(operations: [Operation]) {
        precondition(operations.count == Cell.edgeCount, "a cell has six edges")
        var code = 0
        for (edge, op) in operations.enumerated() { code += op.rawValue * Cell.strides[edge] }
        self.code = code
    }

    @inlinable
    public func operation(onEdge edge: Int) -> Operation {
        Operation(rawValue: (code / Cell.strides[edge]) % 5)!
    }

    public var operations: [Operation] { (0..<Cell.edgeCount).map(operation(onEdge:)) }


    /// Whether some path of non-`none` edges leads from the input node 0 to the output node 3.
    public var isConnected: Bool {
        var reachable: [Bool] = [true, false, false, false]
        for (edge, nodes) in Cell.edges.enumerated() where reachable[nodes.from] && operation(onEdge: edge).connects {
            reachable[nodes.to] = true
        }
        return reachable[3]
    }

    /// Every cell of the space in code order.
    public static var all: [Cell] { (0..<count).map(Cell.init(code:)) }

    public static func < (lhs: Cell, rhs: Cell) -> Bool { lhs.code < rhs.code }
}
