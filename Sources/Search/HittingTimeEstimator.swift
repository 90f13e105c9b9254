/// What a fixed-threshold row's `meanHittingTime` is, so a capped mean is never read as the mean.
public enum HittingTimeEstimator: String, Codable, Sendable, CaseIterable {
    /// The mean hitting time: exact, or Monte Carlo with no walk censored.
    case mean
    /// The mean of min(τ, cap) at the row's `hittingTimeCap`: a lower bound of the mean, because some walks
    /// were still below θ at the cap (`censoredFraction` says how many).
    case restrictedMean = "restricted-mean"
}
