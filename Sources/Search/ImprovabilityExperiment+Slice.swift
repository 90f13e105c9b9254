import Support
import Statistics

extension ImprovabilityExperiment {
    /// The rows of the operators at `positions` of the full operator set. Random streams are keyed by
    /// the position in the full set, so any slicing (shards, progress chunks) yields exactly the rows of
    /// one call over all operators; the walk budget comes from the pilot on the full set.
    public func rows(for operators: [SearchOperator], in positions: Range<Int>) -> [ImprovabilityRow] {
        let slice = Array(operators[positions])
        let spheres = sphereTables(for: slice), chained = kEditChains(for: slice)
        let budget = walkBudget ?? WalkBudget(pilotOf: self, operators: operators)
        // Batches of operators share one monotone hitting-time sweep (`MonotoneHittingTimes.solve`).
        let batch = MonotoneHittingTimes.batch
        return Parallel.map(count: (slice.count + batch - 1) / batch, threads: settings.threads) { b in
            let range = b * batch ..< min((b + 1) * batch, slice.count), ops = Array(slice[range])
            let monotone = monotoneHittingTimes.mapValues { MonotoneHittingTimes.solve(ops, at: $0) }
            return range.flatMap { offset in
                rows(for: slice[offset], index: positions.lowerBound + offset, spheres: spheres, budget: budget,
                     monotone: monotone.mapValues { solutions in solutions.map { $0[offset - range.lowerBound] } }, chained: chained)
            }
        }.flatMap { $0 }
    }

    /// The fixed-length rows alone, as `rows(for:)` gives them (what `nasreach bench` times of the exact engines).
    public func fixedLengthRows(for operators: [SearchOperator]) -> [ImprovabilityRow] {
        let spheres = sphereTables(for: operators), chained = kEditChains(for: operators)
        let budget = walkBudget ?? WalkBudget(pilotOf: self, operators: operators)
        return Parallel.map(count: operators.count, threads: settings.threads) { index in
            rows(for: operators[index], index: index, spheres: spheres, budget: budget, chained: chained, fixedThreshold: false)
        }.flatMap { $0 }
    }
}
