import Support
import Statistics

extension ImprovabilityExperiment {
    /// The rows of the operators at `positions` of the full operator set. Random streams are keyed by
    /// the position in the full set, so any slicing (shards, progress chunks) yields exactly the rows of
    /// one call over all operators; the walk budget comes from the pilot on the full set.
    public func rows(for operators: [SearchOperator], in positions: Range<Int>) -> [ImprovabilityRow] {
        let slice = Array(operators[positions])
        let spheres = sphereTables(for: slice)
        let budget = walkBudget ?? WalkBudget(pilotOf: self, operators: operators)
        return Parallel.map(count: slice.count, threads: settings.threads) { offset in
            rows(for: slice[offset], index: positions.lowerBound + offset, spheres: spheres, budget: budget)
        }.flatMap { $0 }
    }
}
