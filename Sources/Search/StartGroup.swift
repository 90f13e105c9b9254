import SearchSpace

/// A set of start cells whose improvability is summarised together.
public struct StartGroup: Sendable, Equatable {
    public let id: StartGroupID
    /// Cell codes, in increasing code order.
    public let members: [Int]

    public init(_ id: StartGroupID, members: [Int]) {
        self.id = id
        self.members = members
    }

    /// The starting groups of one fitness function: `top10` and `bottom10` (⌈N/10⌉ = 1,563 cells each,
    /// ties to the lower API index), `all`, and, with `deciles`, `decile1`…`decile10`, where decile i
    /// holds the cells of ascending rank ⌊(i−1)·N/10⌋ ..< ⌊i·N/10⌋ (ascending f, ties to the lower API index).
    public static func standard(for fitness: FitnessFunction, deciles: Bool) -> [StartGroup] {
        let n = Cell.count, tenth = (n + 9) / 10
        let f = fitness.values, api = fitness.apiIndex
        let descending = (0..<n).sorted(by: fitness.ranksAbove)
        let ascending = (0..<n).sorted { a, b in f[a] != f[b] ? f[a] < f[b] : api[a] < api[b] }
        var groups = [
            StartGroup(.top10, members: descending.prefix(tenth).sorted()),
            StartGroup(.bottom10, members: ascending.prefix(tenth).sorted()),
            StartGroup(.all, members: Array(0..<n)),
        ]
        if deciles {
            for i in 1...10 {
                groups.append(StartGroup(.decile(i), members: ascending[(i - 1) * n / 10 ..< i * n / 10].sorted()))
            }
        }
        return groups
    }
}
