import SearchSpace
import Statistics

/// A precomputed sampler of one operator's proposals: a few table look-ups and RNG draws per step.
///
/// Isotropic operators draw d from the cumulative π, then one of the C(6,d) edge subsets and, for each
/// chosen edge, a shift 1…4 (two random bits) added to its operation mod 5. `op-kernel` draws each
/// pair of edges (0–1, 2–3, 4–5: the code's three base-25 digits) jointly from an alias table of K ⊗ K,
/// K = (1 − p)·I + p·M: one uniform per pair.
public struct ProposalSampler: Sendable {
    let storage: SamplerStorage

    public init(_ op: SearchOperator) {
        if let pi = op.distanceDistribution {
            storage = SamplerStorage(isotropic: true, cumulative: ProposalSampler.cumulativeSums(pi, rowLength: pi.count))
        } else {
            storage = SamplerStorage(isotropic: false, cumulative: ProposalSampler.pairAliasTable(op.perEdgeKernel!))
        }
    }

    /// Vose alias tables of the pair kernel (K ⊗ K)[a0 + 5·a1][b0 + 5·b1] = K[a0][b0]·K[a1][b1]:
    /// 25 rows of 25 (threshold, alias) entries, stored as threshold at 50·row + 2·i and alias at 50·row + 2·i + 1.
    static func pairAliasTable(_ kernel: [Double]) -> [Double] {
        var table = [Double](repeating: 0, count: 25 * 50)
        for row in 0..<25 {
            var scaled = (0..<25).map { column in
                25 * kernel[(row % 5) * 5 + column % 5] * kernel[(row / 5) * 5 + column / 5]
            }
            var small = (0..<25).filter { scaled[$0] < 1 }, large = (0..<25).filter { scaled[$0] >= 1 }
            var threshold = [Double](repeating: 1, count: 25), alias = Array(0..<25)
            while let s = small.popLast(), let l = large.last {
                threshold[s] = scaled[s]
                alias[s] = l
                scaled[l] -= 1 - scaled[s]
                if scaled[l] < 1 {
                    large.removeLast()
                    small.append(l)
                }
            }
            // Whatever is left (rounding) keeps threshold 1: it always returns itself.
            for i in 0..<25 {
                table[50 * row + 2 * i] = threshold[i]
                table[50 * row + 2 * i + 1] = Double(alias[i])
            }
        }
        return table
    }

    /// Row-wise cumulative sums whose last entry per row is exactly 1, so a uniform in [0, 1) always lands.
    private static func cumulativeSums(_ values: [Double], rowLength: Int) -> [Double] {
        var result = values
        for start in stride(from: 0, to: values.count, by: rowLength) {
            var sum = 0.0
            for i in start..<start + rowLength {
                sum += values[i]
                result[i] = sum
            }
            result[start + rowLength - 1] = 1
        }
        return result
    }

    /// One proposal from cell `x`: the proposed cell and its edit distance from x.
    public func propose(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        withExtendedLifetime(storage) { storage.raw.propose(from: x, using: &generator) }
    }
}

/// The sampler's tables behind plain pointers, so the hot loop does no reference counting or bounds checks.
/// Valid while the owning `SamplerStorage` is alive.
struct RawSampler {
    let isotropic: Bool
    /// Isotropic: cumulative π. Product: the pair alias table.
    let cumulative: UnsafePointer<Double>
    let tables: SharedTables.Pointers

    @inline(__always)
    func propose(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        isotropic ? proposeIsotropic(from: x, using: &generator) : proposeProduct(from: x, using: &generator)
    }

    @inline(__always)
    func proposeIsotropic(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        let u = generator.nextUniform()
        var d = 0
        while u >= cumulative[d] { d &+= 1 }
        if d == 0 { return (x, 0) }
        let first = tables.maskStart[d]
        var mask = Int(tables.masks[first &+ generator.nextInt(below: tables.maskStart[d &+ 1] &- first)])
        var bits = generator.next()
        var y = x
        let digits = tables.digits + x &* Cell.edgeCount
        while mask != 0 {
            let edge = mask.trailingZeroBitCount
            mask &= mask &- 1
            y &+= tables.shiftDelta[Int(digits[edge]) &* 4 &+ Int(bits & 3)] &* tables.strides[edge]
            bits >>= 2
        }
        return (y, d)
    }

    @inline(__always)
    func proposeProduct(from x: Int, using generator: inout SeededGenerator) -> (cell: Int, distance: Int) {
        var rest = x, y = 0, moved = 0, scale = 1
        for _ in 0..<3 {
            let pair = rest % 25
            rest /= 25
            let u = generator.nextUniform() * 25
            let slot = Int(u)
            let entry = cumulative + (50 &* pair &+ 2 &* slot)
            let out = u - Double(slot) < entry[0] ? slot : Int(entry[1])
            moved &+= Int(tables.pairDistance[pair &* 25 &+ out])
            y &+= out &* scale
            scale &*= 25
        }
        return (y, moved)
    }
}

/// Owns one sampler's table (cumulative π, or the pair alias table).
final class SamplerStorage: @unchecked Sendable {
    let raw: RawSampler
    private let cumulative: UnsafeMutablePointer<Double>
    private let count: Int

    init(isotropic: Bool, cumulative values: [Double]) {
        count = values.count
        cumulative = .allocate(capacity: values.count)
        cumulative.initialize(from: values, count: values.count)
        raw = RawSampler(isotropic: isotropic, cumulative: cumulative, tables: SharedTables.shared.pointers)
    }

    deinit { cumulative.deallocate() }
}

/// Tables shared by every sampler, allocated once for the process lifetime.
final class SharedTables: @unchecked Sendable {
    struct Pointers {
        /// The operation of every edge of every cell: `digits[6·code + edge]`.
        let digits: UnsafePointer<UInt8>
        /// Edge subsets as bit masks, by size: masks of size d at maskStart[d] ..< maskStart[d + 1].
        let masks: UnsafePointer<UInt8>
        let maskStart: UnsafePointer<Int>
        /// ((digit + 1 + r) mod 5) − digit at `4·digit + r`: the code change of moving to a different operation.
        let shiftDelta: UnsafePointer<Int>
        let strides: UnsafePointer<Int>
        /// Edges that differ between two edge pairs (base-25 digits), at `25·from + to`.
        let pairDistance: UnsafePointer<UInt8>
    }

    static let shared = SharedTables()
    let pointers: Pointers

    private init() {
        func table<T>(_ values: [T]) -> UnsafePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: values.count)
            pointer.initialize(from: values, count: values.count)
            return UnsafePointer(pointer)
        }
        let digits = (0..<Cell.count * Cell.edgeCount).map { index in
            UInt8((index / Cell.edgeCount / Cell.strides[index % Cell.edgeCount]) % 5)
        }
        let bySize = (0...Cell.edgeCount).map { d in (0..<(1 << Cell.edgeCount)).filter { $0.nonzeroBitCount == d } }
        var starts = [0]
        for subsets in bySize { starts.append(starts.last! + subsets.count) }
        pointers = Pointers(
            digits: table(digits), masks: table(bySize.flatMap { $0.map(UInt8.init) }), maskStart: table(starts),
            shiftDelta: table((0..<20).map { ($0 / 4 + 1 + $0 % 4) % 5 - $0 / 4 }), strides: table(Cell.strides),
            pairDistance: table((0..<625).map { index in
                let (from, to) = (index / 25, index % 25)
                return UInt8((from % 5 != to % 5 ? 1 : 0) + (from / 5 != to / 5 ? 1 : 0))
            }))
    }
}
