import SearchSpace
import Statistics

/// A precomputed sampler of one operator's proposals: two random draws and a few table look-ups per step.
///
/// A cell code splits into two base-125 digits, each the operations of three edges. Isotropic operators
/// draw d from an alias table of π, then one of the C_d shift patterns at distance d (a pattern gives each
/// edge a shift 0…4 added to its operation mod 5), and add the pattern digit-wise through a 125 × 125 table.
/// `op-kernel` draws each three-edge digit from an alias table of K ⊗ K ⊗ K, K = (1 − p)·I + p·M. Alias
/// tables, not cumulative scans: a draw costs the same whatever the law, with no data-dependent branch.
public struct ProposalSampler: Sendable {
    let storage: SamplerStorage

    public init(_ op: SearchOperator) {
        if let pi = op.distanceDistribution {
            storage = SamplerStorage(isotropic: true, alias: AliasTable(pi))
        } else {
            storage = SamplerStorage(isotropic: false, alias: ProposalSampler.tripleKernelTable(op.perEdgeKernel!))
        }
    }

    /// 125 alias tables of 125 entries: row a is the law of the next three-edge digit from digit a,
    /// (K ⊗ K ⊗ K)[a][b] = Π_i K[a_i][b_i] over the three base-5 digits.
    static func tripleKernelTable(_ kernel: [Double]) -> AliasTable {
        func entry(_ a: Int, _ b: Int) -> Double { kernel[a * 5 + b] }
        let rows: [[Double]] = (0..<125).map { (a: Int) -> [Double] in
            (0..<125).map { (b: Int) -> Double in
                entry(a % 5, b % 5) * entry(a / 5 % 5, b / 5 % 5) * entry(a / 25, b / 25)
            }
        }
        return AliasTable(rows: rows)
    }

    /// One proposal from cell `x`: the proposed cell and its edit distance from x.
    public func propose(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        withExtendedLifetime(storage) { storage.raw.propose(from: x, using: &generator) }
    }
}

/// Vose alias tables, one or several rows of equal length, flattened. A draw takes one 64-bit word:
/// its product with the row length gives the slot (high half) and a uniform fraction (low half) that
/// keeps the slot when below the slot's threshold (probability × 2^64) and takes its alias otherwise.
/// Each entry packs the threshold's top 56 bits (finer than a double's 53) with the alias in the low
/// byte, so a draw reads one word.
struct AliasTable {
    let rowLength: Int
    var entries: [UInt64] = []

    init(_ weights: [Double]) { self.init(rows: [weights]) }

    init(rows: [[Double]]) {
        rowLength = rows[0].count
        precondition(rowLength <= 256, "aliases are stored as bytes")
        for row in rows {
            let total = row.reduce(0, +)
            var scaled = row.map { $0 * Double(rowLength) / total }
            var small = scaled.indices.filter { scaled[$0] < 1 }, large = scaled.indices.filter { scaled[$0] >= 1 }
            // Probability 1 keeps the slot itself as its alias, so the threshold's rounding cannot matter.
            var probability = [Double](repeating: 1, count: rowLength), alias = Array(0..<rowLength)
            while let s = small.popLast(), let l = large.last {
                probability[s] = scaled[s]
                alias[s] = l
                scaled[l] -= 1 - scaled[s]
                if scaled[l] < 1 {
                    large.removeLast()
                    small.append(l)
                }
            }
            entries += zip(probability, alias).map { p, a in
                (p >= 1 ? UInt64.max : UInt64((p * 0x1p64).rounded(.down))) & ~0xFF | UInt64(a)
            }
        }
    }
}

/// The sampler's tables behind plain pointers, so the hot loop does no reference counting or bounds checks.
/// Valid while the owning `SamplerStorage` is alive.
struct RawSampler {
    let isotropic: Bool
    /// Isotropic: the alias table of π (7 entries). Product: 125 rows of the three-edge kernel.
    let entries: UnsafePointer<UInt64>
    let tables: SharedTables.Pointers

    @inline(__always)
    func propose(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        isotropic ? proposeIsotropic(from: x, using: &generator) : proposeProduct(from: x, using: &generator)
    }

    /// Slot `row·length + i` of the alias table, drawn with one 64-bit word.
    @inline(__always)
    func draw(row: Int, length: UInt64, using generator: inout SeededGenerator) -> Int {
        let (slot, fraction) = generator.next().multipliedFullWidth(by: length)
        let entry = entries[row &* Int(length) &+ Int(slot)]
        return fraction < entry & ~0xFF ? Int(slot) : Int(entry & 0xFF)
    }

    @inline(__always)
    func proposeIsotropic(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        let d = draw(row: 0, length: 7, using: &generator)
        if d == 0 { return (x, 0) }
        let first = tables.patternStart[d]
        let pattern = Int(tables.patterns[first &+ generator.nextInt(below: tables.patternStart[d &+ 1] &- first)])
        let low = Int(tables.add[(x % 125) &* 125 &+ (pattern & 0xFF)])
        let high = Int(tables.add[(x / 125) &* 125 &+ (pattern >> 8)])
        return (low &+ 125 &* high, d)
    }

    @inline(__always)
    func proposeProduct(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        let (a, b) = (x % 125, x / 125)
        let low = draw(row: a, length: 125, using: &generator)
        let high = draw(row: b, length: 125, using: &generator)
        return (low &+ 125 &* high, Int(tables.tripleDistance[a &* 125 &+ low]) &+ Int(tables.tripleDistance[b &* 125 &+ high]))
    }
}

/// Owns one sampler's alias table.
final class SamplerStorage: @unchecked Sendable {
    let raw: RawSampler
    private let entries: UnsafeMutablePointer<UInt64>

    init(isotropic: Bool, alias: AliasTable) {
        entries = .allocate(capacity: alias.entries.count)
        entries.initialize(from: alias.entries, count: alias.entries.count)
        raw = RawSampler(isotropic: isotropic, entries: entries, tables: SharedTables.shared.pointers)
    }

    deinit { entries.deallocate() }
}

/// Tables shared by every sampler, allocated once for the process lifetime.
final class SharedTables: @unchecked Sendable {
    struct Pointers {
        /// The shift patterns (base-5 codes of per-edge shifts 0…4) by distance: those at distance d at
        /// patternStart[d] ..< patternStart[d + 1], each packed as low digit | high digit << 8 (base 125).
        let patterns: UnsafePointer<UInt16>
        let patternStart: UnsafePointer<Int>
        /// Digit-wise sum mod 5 of two three-edge digits: `add[125·a + s]`.
        let add: UnsafePointer<UInt8>
        /// Edges that differ between two three-edge digits, at `125·from + to`.
        let tripleDistance: UnsafePointer<UInt8>
    }

    static let shared = SharedTables()
    let pointers: Pointers

    private init() {
        func table<T>(_ values: [T]) -> UnsafePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: values.count)
            pointer.initialize(from: values, count: values.count)
            return UnsafePointer(pointer)
        }
        func digits(_ code: Int, _ count: Int) -> [Int] { (0..<count).map { code / Cell.strides[$0] % 5 } }
        let bySize = (0...Cell.edgeCount).map { d in
            (0..<Cell.count).filter { code in digits(code, Cell.edgeCount).count { $0 != 0 } == d }
        }
        var starts = [0]
        for patterns in bySize { starts.append(starts.last! + patterns.count) }
        let pairs = 0..<(125 * 125)
        pointers = Pointers(
            patterns: table(bySize.flatMap { $0.map { UInt16($0 % 125 | ($0 / 125) << 8) } }), patternStart: table(starts),
            add: table(pairs.map { (index: Int) -> UInt8 in
                let (a, s) = (digits(index / 125, 3), digits(index % 125, 3))
                var sum = 0
                for edge in 0..<3 { sum += (a[edge] + s[edge]) % 5 * Cell.strides[edge] }
                return UInt8(sum)
            }),
            tripleDistance: table(pairs.map { index in
                UInt8(zip(digits(index / 125, 3), digits(index % 125, 3)).count { $0 != $1 })
            }))
    }
}
