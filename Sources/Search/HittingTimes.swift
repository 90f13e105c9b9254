import SearchSpace
import Statistics
import Support

/// Exact expected hitting times of {f ≥ θ} under `always` acceptance: h solves (I − P_TT) h = 1 on the
/// transient cells T = {x : f(x) < θ} (h = 0 on the rest), by conjugate gradient when P is symmetric
/// (every distance kernel, `op-kernel` with symmetric M) and BiCGSTAB otherwise, each step one fast
/// application of P (`TransitionOperator`). No cap.
///
/// Accuracy: (I − P_TT)⁻¹ = Σ_t P_TTᵗ is entrywise non-negative and maps 1 to h, so a residual r gives
/// |error(x)| ≤ ‖r‖_∞ · h(x): iterating until ‖r‖_∞ ≤ `tolerance` makes every h(x), and so every mean and
/// median over starts, exact to that relative error.
public struct HittingTimes: Sendable {
    public let threshold: Double
    /// 1 on T, 0 elsewhere (the right-hand side and the mask of P_TT).
    let transient: [Double]
    public let tolerance: Double
    /// Isotropic systems start from their Galerkin solution on the span of a few reference solutions, so
    /// CG only has to correct what that span misses. The references depend on θ alone, never on which
    /// operators a call solves, so every slicing of the operator set gives the same numbers.
    let references: ReferenceSolutions?

    public init(fitness: FitnessFunction, threshold: Double, tolerance: Double = 1e-9) {
        self.threshold = threshold
        self.tolerance = tolerance
        transient = fitness.values.map { $0 < threshold ? 1 : 0 }
        references = nil
    }

    private init(_ plain: HittingTimes, tolerance: Double, references: ReferenceSolutions?) {
        threshold = plain.threshold
        self.tolerance = tolerance
        transient = plain.transient
        self.references = references
    }

    /// The same solver, with reference solutions for the isotropic warm start (solved on `threads` workers).
    /// They only span a start, which CG then refines to `tolerance`: solving them to 1e-5 costs half the iterations.
    public func withReferenceSolutions(threads: Int) -> HittingTimes {
        let anchors = ReferenceSolutions.anchors, rough = HittingTimes(self, tolerance: 1e-5, references: nil)
        let solutions = Parallel.map(count: anchors.count, threads: threads) { rough.solve(anchors[$0])?.hittingTime }.compactMap { $0 }
        return HittingTimes(self, tolerance: tolerance, references: ReferenceSolutions(solutions: solutions))
    }

    /// The solution for one operator: h(x) for every x, and for operators whose proposal distance depends on
    /// the cell (`op-kernel`) the expected total distance moved before hitting, u = (I − P_TT)⁻¹ m with m(x)
    /// the expected distance of one proposal from x. Both are ∞ on the cells below θ that never reach it
    /// (`op-kernel` with a reducible per-edge kernel). Nil when no cell below θ reaches it with probability 1
    /// (the operator never moves), or one reaches it with a probability below 1 but above 0.
    public struct Solution: Sendable {
        public let hittingTime: [Double]
        public let distanceMoved: [Double]?
        /// Krylov iterations over both solves (a cost measure).
        public let iterations: Int
    }

    public func solve(_ op: SearchOperator) -> Solution? {
        var application = TransitionOperator(op)
        guard let finite = almostSurelyHitting(op, application: &application), finite.contains(1) else { return nil }
        let symmetric = op.isSymmetric
        let start = op.eigenvalues.flatMap { references?.galerkinSolution(eigenvalues: $0, transient: transient) }
        guard let (solved, hIterations) = solve(rhs: finite, mask: finite, initial: start, application: &application,
                                                symmetric: symmetric) else { return nil }
        let h = zip(solved, zip(transient, finite)).map { $1.0 > $1.1 ? Double.infinity : $0 }
        guard let kernel = op.perEdgeKernel else { return Solution(hittingTime: h, distanceMoved: nil, iterations: hIterations) }
        let proposalDistance = (0..<Cell.count).map { x in
            finite[x] * (0..<Cell.edgeCount).reduce(0.0) { sum, edge in
                let a = (x / Cell.strides[edge]) % 5
                return sum + 1 - kernel[6 * a]
            }
        }
        // u = m̄·h + (I − P_TT)⁻¹(m − m̄): starting from m̄·h leaves only the variation of m to solve for.
        let meanDistance = proposalDistance.reduce(0, +) / finite.reduce(0, +)
        guard let (u, uIterations) = solve(rhs: proposalDistance, mask: finite, initial: solved.map { meanDistance * $0 },
                                           application: &application, symmetric: symmetric) else { return nil }
        return Solution(hittingTime: h, distanceMoved: zip(u, h).map { $1.isFinite ? $0 : .infinity }, iterations: hIterations + uIterations)
    }

    /// 1 on the cells below θ that reach it with probability 1, 0 on those that never reach it; nil when some
    /// cell reaches it with a probability strictly between (its mean is infinite, and no exact restricted mean
    /// is simple). Distance kernels on Z_5^6 connect the space as soon as they move at all (q = 5 ≥ 3), and so
    /// does `op-kernel` with an irreducible per-edge kernel. A reducible one splits the space (say, an operation
    /// no edge leaves); on the cells that reach θ surely, (I − P_TT) h = 1 holds with no term from the others,
    /// so the masked system stays exact.
    func almostSurelyHitting(_ op: SearchOperator, application: inout TransitionOperator) -> [Double]? {
        if let pi = op.distanceDistribution { return pi[0] < 1 ? transient : transient.map { _ in 0 } }
        guard !HittingTimes.isIrreducible(op.perEdgeKernel!) else { return transient }
        let reaching = closure(of: transient.map { 1 - $0 }, application: &application)
        let never = zip(transient, reaching).map { $0 * (1 - $1) }
        guard closure(of: never, application: &application) == never else { return nil }
        return reaching.indices.map { transient[$0] * reaching[$0] }
    }

    /// The smallest superset of `seed` (0/1 by cell) holding every cell below θ that steps into it with
    /// positive probability: one application of P per round, at most one round per cell added along a path.
    private func closure(of seed: [Double], application: inout TransitionOperator) -> [Double] {
        var set = seed, image = [Double](repeating: 0, count: Cell.count)
        while true {
            set.withUnsafeBufferPointer { input in
                image.withUnsafeMutableBufferPointer { application.apply(input.baseAddress!, into: $0.baseAddress!) }
            }
            let next = (0..<Cell.count).map { set[$0] == 1 || (transient[$0] == 1 && image[$0] > 0) ? 1.0 : 0.0 }
            if next == set { return set }
            set = next
        }
    }

    /// Whether every operation can become every other under the 5×5 per-edge kernel.
    static func isIrreducible(_ kernel: [Double]) -> Bool {
        var reached = 1  // bit b: operation b reachable from operation 0
        for _ in 0..<Cell.operationCount {
            for a in 0..<5 where reached & (1 << a) != 0 {
                for b in 0..<5 where kernel[5 * a + b] > 0 { reached |= 1 << b }
            }
        }
        guard reached == 0b11111 else { return false }
        var reaching = 1  // bit a: operation 0 reachable from operation a
        for _ in 0..<Cell.operationCount {
            for a in 0..<5 {
                for b in 0..<5 where reaching & (1 << b) != 0 && kernel[5 * a + b] > 0 { reaching |= 1 << a }
            }
        }
        return reaching == 0b11111
    }

    /// x with (I − P_MM) x = rhs on the cells M of `mask` (rhs zero outside M) and the iterations it took; nil if
    /// it does not converge.
    private func solve(rhs: [Double], mask: [Double], initial: [Double]?, application: inout TransitionOperator,
                       symmetric: Bool) -> ([Double], Int)? {
        var solution = initial ?? [Double](repeating: 0, count: Cell.count), iterations = 0
        var work = [Double](repeating: 0, count: 6 * Cell.count)
        let converged = mask.withUnsafeBufferPointer { mask in
            rhs.withUnsafeBufferPointer { rhs in
                solution.withUnsafeMutableBufferPointer { solution in
                    work.withUnsafeMutableBufferPointer { work in
                        var system = KrylovSystem(mask: mask.baseAddress!, application: application, work: work.baseAddress!,
                                                  tolerance: tolerance)
                        defer { application = system.application }
                        return system.solve(rhs: rhs.baseAddress!, solution: solution.baseAddress!, symmetric: symmetric,
                                            iterations: &iterations)
                    }
                }
            }
        }
        return converged ? (solution, iterations) : nil
    }
}

/// Conjugate gradient and BiCGSTAB on (I − P_TT) over full-length vectors that are zero outside T, on
/// preallocated buffers (six vectors of N).
struct KrylovSystem {
    let mask: UnsafePointer<Double>
    var application: TransitionOperator
    let work: UnsafeMutablePointer<Double>
    let tolerance: Double
    static let restarts = 4
    static let iterationLimit = 20_000
    let n = Cell.count

    func vector(_ slot: Int) -> UnsafeMutablePointer<Double> { work + slot * n }

    /// out = (I − P_TT) v.
    mutating func applySystem(_ v: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        application.apply(v, into: out)
        for x in 0..<n { out[x] = v[x] - mask[x] * out[x] }
    }

    func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        for x in 0..<n { sum += a[x] * b[x] }
        return sum
    }

    /// Restarts recompute the true residual, so drift of the recursive one cannot fake convergence.
    mutating func solve(rhs: UnsafePointer<Double>, solution: UnsafeMutablePointer<Double>, symmetric: Bool,
                        iterations: inout Int) -> Bool {
        let residual = vector(0), product = vector(1)
        for _ in 0..<KrylovSystem.restarts {
            applySystem(solution, into: product)
            var largest = 0.0
            for x in 0..<n {
                residual[x] = rhs[x] - product[x]
                largest = max(largest, abs(residual[x]))
            }
            if largest <= tolerance { return true }
            iterations += symmetric ? conjugateGradient(solution: solution) : biCGSTAB(solution: solution)
        }
        return false
    }

    /// Runs from the residual in slot 0 until ‖r‖_∞ ≤ tolerance, updating `solution`.
    mutating func conjugateGradient(solution: UnsafeMutablePointer<Double>) -> Int {
        let r = vector(0), ap = vector(1), p = vector(2)
        p.update(from: r, count: n)
        var rr = dot(r, r), largest = Double.infinity, iterations = 0
        while largest > tolerance && iterations < KrylovSystem.iterationLimit {
            applySystem(p, into: ap)
            let alpha = rr / dot(p, ap)
            var next = 0.0
            largest = 0
            for x in 0..<n {
                solution[x] += alpha * p[x]
                r[x] -= alpha * ap[x]
                next += r[x] * r[x]
                largest = max(largest, abs(r[x]))
            }
            let beta = next / rr
            rr = next
            for x in 0..<n { p[x] = r[x] + beta * p[x] }
            iterations += 1
        }
        return iterations
    }

    /// BiCGSTAB (van der Vorst) for the non-symmetric `op-kernel` systems, from the residual in slot 0.
    mutating func biCGSTAB(solution: UnsafeMutablePointer<Double>) -> Int {
        let r = vector(0), v = vector(1), p = vector(2), s = vector(3), t = vector(4), shadow = vector(5)
        p.update(from: r, count: n)
        shadow.update(from: r, count: n)
        var rho = dot(shadow, r), largest = Double.infinity, iterations = 0
        while largest > tolerance && iterations < KrylovSystem.iterationLimit && rho != 0 {
            applySystem(p, into: v)
            let alpha = rho / dot(shadow, v)
            for x in 0..<n { s[x] = r[x] - alpha * v[x] }
            applySystem(s, into: t)
            var tt = 0.0, ts = 0.0
            for x in 0..<n {
                tt += t[x] * t[x]
                ts += t[x] * s[x]
            }
            let omega = tt > 0 ? ts / tt : 0
            var next = 0.0
            largest = 0
            for x in 0..<n {
                solution[x] += alpha * p[x] + omega * s[x]
                r[x] = s[x] - omega * t[x]
                largest = max(largest, abs(r[x]))
                next += shadow[x] * r[x]
            }
            iterations += 1
            if omega == 0 { break }
            let beta = (next / rho) * (alpha / omega)
            rho = next
            for x in 0..<n { p[x] = r[x] + beta * (p[x] - omega * v[x]) }
        }
        return iterations
    }
}

/// Hitting times of a few isotropic anchors for one θ, orthonormalised, with the Gram matrices
/// G_j = Vᵀ E_j V of the Fourier projectors: for any isotropic P = Σ_j λ_j E_j the Galerkin system on their span is
/// (I − Σ_j λ_j G_j) y = Vᵀ 1_T, a few hundred operations (V is zero outside T, so Vᵀ P_TT V = Vᵀ P V).
struct ReferenceSolutions: Sendable {
    /// The corners of the distance simplex (k-edit), the per-edge curve, and distance mixtures drawn as the
    /// operator set draws them (from a stream of their own): where the solutions to approximate lie.
    static let anchors: [SearchOperator] = {
        let fixed: [SearchOperator.Kind] = (1...Cell.edgeCount).map { .kEdit($0) } + [0.05, 0.15, 0.3, 0.5, 0.8].map { .perEdge($0) }
        var generator = SeededGenerator(seed: 0, stream: 0x8EF0_5011)
        var mixtures: [SearchOperator.Kind] = []
        while mixtures.count < 16 {
            let kind = OperatorSet.randomKind(using: &generator)
            if kind.family == .distanceMixture { mixtures.append(kind) }
        }
        return (fixed + mixtures).map { try! SearchOperator(id: "reference", kind: $0) }
    }()

    let basis: [[Double]]
    /// gram[j][k·m + l] = ⟨E_j v_k, E_j v_l⟩.
    let gram: [[Double]]

    init?(solutions: [[Double]]) {
        // Modified Gram–Schmidt, twice; nearly dependent solutions are dropped.
        var basis: [[Double]] = []
        for solution in solutions {
            var v = solution
            let norm0 = ReferenceSolutions.dot(v, v).squareRoot()
            for _ in 0..<2 {
                for b in basis {
                    let c = ReferenceSolutions.dot(v, b)
                    for x in v.indices { v[x] -= c * b[x] }
                }
            }
            let norm = ReferenceSolutions.dot(v, v).squareRoot()
            guard norm > 1e-8 * norm0 else { continue }
            basis.append(v.map { $0 / norm })
        }
        guard !basis.isEmpty else { return nil }
        let components = basis.map { FourierOrders($0).components }
        let m = basis.count
        gram = (0..<FourierOrders.orderCount).map { j in
            var matrix = [Double](repeating: 0, count: m * m)
            for k in 0..<m {
                for l in k..<m {
                    matrix[k * m + l] = ReferenceSolutions.dot(components[k][j], components[l][j])
                    matrix[l * m + k] = matrix[k * m + l]
                }
            }
            return matrix
        }
        self.basis = basis
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for x in a.indices { sum += a[x] * b[x] }
        return sum
    }

    /// V y for the Galerkin solution y of the isotropic operator with these eigenvalues: seven small matrices
    /// combined, no application of P.
    func galerkinSolution(eigenvalues lambda: [Double], transient: [Double]) -> [Double]? {
        let m = basis.count
        let reduced = (0..<m * m).map { index in
            (index / m == index % m ? 1 : 0) - (0..<FourierOrders.orderCount).reduce(0.0) { $0 + lambda[$1] * gram[$1][index] }
        }
        return combination(solving: reduced, transient: transient)
    }

    /// V y with y solving the m×m system `reduced` · y = Vᵀ 1_T.
    private func combination(solving reduced: [Double], transient: [Double]) -> [Double]? {
        let m = basis.count
        guard let y = DenseSystem.solve(reduced, basis.map { ReferenceSolutions.dot($0, transient) }, size: m, columns: 1) else { return nil }
        var solution = [Double](repeating: 0, count: Cell.count)
        for (k, v) in basis.enumerated() {
            for x in 0..<Cell.count { solution[x] += y[k] * v[x] }
        }
        return solution
    }
}
