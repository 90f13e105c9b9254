/// Settings of a landscape analysis; the defaults are the lab's.
public struct LandscapeOptions: Sendable, Equatable {
    /// Autocorrelation lags 1…lags.
    public var lags: Int
    /// Monte Carlo random walks and the number of steps of each.
    public var walks: Int
    public var walkLength: Int
    /// Seed of the Monte Carlo walks.
    public var seed: UInt64

    public init(lags: Int = 20, walks: Int = 200, walkLength: Int = 100, seed: UInt64 = 0) {
        self.lags = lags
        self.walks = walks
        self.walkLength = walkLength
        self.seed = seed
    }
}
