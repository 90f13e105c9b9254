import SearchSpace

/// The set of cells a run has already queried: one bit per cell, so clearing it between runs costs 245 words.
struct QueryCache {
    private var words = [UInt64](repeating: 0, count: (Cell.count + 63) / 64)
    private(set) var count = 0

    @inline(__always)
    func contains(_ cell: Int) -> Bool {
        words[cell &>> 6] & (1 &<< UInt64(cell & 63)) != 0
    }

    /// Adds `cell`; true when it was not there before (a new query).
    @inline(__always)
    mutating func insert(_ cell: Int) -> Bool {
        let bit: UInt64 = 1 &<< UInt64(cell & 63)
        let word = cell &>> 6
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count &+= 1
        return true
    }

    mutating func removeAll() {
        for index in words.indices { words[index] = 0 }
        count = 0
    }
}
