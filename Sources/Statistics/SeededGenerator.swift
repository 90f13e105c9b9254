/// The one random number generator of nasreach: xoshiro256** seeded through SplitMix64.
///
/// Results must not depend on the thread count, so parallel work never shares a generator: each work
/// item derives its own stream with `stream(_:)` from the run's seed and the item's stable identity.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// An independent generator for work item `key` (e.g. an operator index or a walk number).
    public func stream(_ key: UInt64) -> SeededGenerator {
        var mixer = SplitMix64(state: state.0 ^ SplitMix64.mix(key &+ 0x9E37_79B9_7F4A_7C15))
        return SeededGenerator(seed: mixer.next() ^ state.3)
    }

    /// A generator for `key` under `seed`, e.g. `SeededGenerator(seed: 0, stream: 17)`.
    public init(seed: UInt64, stream key: UInt64) {
        self = SeededGenerator(seed: seed).stream(key)
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits; defined here so that draws never depend on
    /// the standard library's implementation of `Double.random(in:)`.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound (Lemire's unbiased multiply-shift).
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0)
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A standard normal draw (Box–Muller on two uniforms).
    public mutating func nextGaussian() -> Double {
        let u = 1 - nextUniform()
        let v = nextUniform()
        return (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
    }

    @inlinable
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
