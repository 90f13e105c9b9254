extension Cell {
    /// Edit (Hamming) distance: the number of edges whose operation differs.
    @inlinable
    public func distance(to other: Cell) -> Int {
        var a = code, b = other.code, count = 0
        for _ in 0..<Cell.edgeCount {
            if a % 5 != b % 5 { count += 1 }
            a /= 5
            b /= 5
        }
        return count
    }

    /// The 24 cells at edit distance 1.
    public var neighbours: [Cell] { cells(atDistance: 1) }

    /// Every cell at edit distance exactly `k`; there are C(6,k)·4^k of them.
    public func cells(atDistance k: Int) -> [Cell] {
        precondition((0...Cell.edgeCount).contains(k))
        var result: [Cell] = []
        result.reserveCapacity(Combinatorics.sphereSize(k))
        for mask in 0..<(1 << Cell.edgeCount) where mask.nonzeroBitCount == k {
            let edges = (0..<Cell.edgeCount).filter { mask & (1 << $0) != 0 }
            var shifts = [Int](repeating: 1, count: k)  // offset 1…4 added to each chosen digit mod 5
            while true {
                var code = self.code
                for (slot, edge) in edges.enumerated() {
                    let digit = (code / Cell.strides[edge]) % 5
                    code += (((digit + shifts[slot]) % 5) - digit) * Cell.strides[edge]
                }
                result.append(Cell(code: code))
                var slot = 0
                while slot < k, shifts[slot] == 4 { shifts[slot] = 1; slot += 1 }
                if slot == k { break }
                shifts[slot] += 1
            }
        }
        return result
    }
}

/// The 24 neighbours of every cell, flattened by code: `neighbours[24·x + i]`. Built once, shared read-only.
public struct NeighbourTable: Sendable {
    public static let degree = 24
    public let neighbours: [Int32]

    public init() {
        var table = [Int32](repeating: 0, count: Cell.count * NeighbourTable.degree)
        for x in 0..<Cell.count {
            var slot = x * NeighbourTable.degree
            for edge in 0..<Cell.edgeCount {
                let stride = Cell.strides[edge]
                let digit = (x / stride) % 5
                for op in 0..<5 where op != digit {
                    table[slot] = Int32(x + (op - digit) * stride)
                    slot += 1
                }
            }
        }
        neighbours = table
    }

    @inlinable
    public subscript(cell: Int, slot: Int) -> Int { Int(neighbours[cell &* NeighbourTable.degree &+ slot]) }
}
