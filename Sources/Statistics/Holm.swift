/// Holm–Bonferroni adjusted p-values, as statsmodels' `multipletests(method='holm')`: the i-th
/// smallest of m p-values becomes max_{j ≤ i} (m − j + 1) p_(j), capped at 1. NaN entries stay NaN and
/// do not count towards m. The result is in the input's order.
public func holmAdjusted(_ p: [Double]) -> [Double] {
    let order = p.indices.filter { !p[$0].isNaN }.sorted { p[$0] < p[$1] }
    var adjusted = p
    var running = 0.0
    for (rank, index) in order.enumerated() {
        running = max(running, Double(order.count - rank) * p[index])
        adjusted[index] = min(1, running)
    }
    return adjusted
}
