/// 1e0 … 1e308, each the double nearest its power of ten (Swift's parser rounds correctly): the one
/// table of the number writers and readers. Up to `exactLimit` the doubles are the powers themselves.
public enum PowersOfTen {
    public static let nearest: [Double] = (0...308).map { Double("1e\($0)")! }
    /// 10^k is a double exactly for k ≤ 22 (5^22 < 2^53).
    public static let exactLimit = 22
}
