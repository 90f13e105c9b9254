import SearchSpace

/// The mean improvability over all N cells under `always` as a linear form in the landscape (science.md,
/// "Null landscapes"): mean_x (E[f(X_L) | x] − f(x))/L = (1/(N·L)) · ((Pᴸ)ᵀ1 − 1)ᵀ f.
///
/// For a product kernel P = K ⊗ … ⊗ K (`op-kernel`), (Pᴸ)ᵀ1 = ⊗ (Kᴸ)ᵀ1, so a cell's weight depends only on
/// how many of its edges carry each operation: one of the 210 compositions of 6 into 5 parts. A landscape
/// then costs its sums over the composition classes once (N additions) and every operator and length 210
/// multiply-adds, which is what lets the permutation null of the `all` tests run 100 replicates in
/// milliseconds. Doubly stochastic operators (every isotropic one, symmetric `op-kernel`) have (Pᴸ)ᵀ1 = 1:
/// their mean is exactly 0, as the experiment reports it.
struct AllCellsMean: Sendable {
    /// The composition class of every cell, by code.
    let classOfCell: [Int]
    let classCount: Int
    /// weights[l][o]: the class weights ((Kᴸ)ᵀ1 products − 1)/(N·L) of operator o at the l-th length; nil
    /// for an operator that preserves the uniform distribution.
    let weights: [[[Double]?]]

    /// `lengths` sorted and distinct.
    init(operators: [SearchOperator], lengths: [Int]) {
        var classes: [[Int]: Int] = [:], compositions: [[Int]] = []
        classOfCell = (0..<Cell.count).map { code in
            var counts = [Int](repeating: 0, count: Cell.operationCount)
            for edge in 0..<Cell.edgeCount { counts[(code / Cell.strides[edge]) % Cell.operationCount] += 1 }
            if let index = classes[counts] { return index }
            classes[counts] = compositions.count
            compositions.append(counts)
            return compositions.count - 1
        }
        classCount = compositions.count
        let kernels = operators.map { $0.preservesUniform ? nil : $0.perEdgeKernel.map(ProductKernelEngine.init) }
        weights = lengths.map { length in
            kernels.map { engine in
                engine.map { engine in
                    let power = engine.kernelPower(length)
                    let columnSums = (0..<5).map { b in (0..<5).reduce(0.0) { $0 + power[$1 * 5 + b] } }
                    return compositions.map { counts in
                        let weight = counts.enumerated().reduce(1.0) { $0 * integerPower(columnSums[$1.offset], $1.element) }
                        return (weight - 1) / Double(Cell.count * length)
                    }
                }
            }
        }
    }

    /// Σ over each class of f − mean(f): centring keeps the constant, which the weights cancel, out of the rounding.
    func classSums(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        var sums = [Double](repeating: 0, count: classCount)
        for (code, value) in values.enumerated() { sums[classOfCell[code]] += value - mean }
        return sums
    }

    /// Every operator's mean improvability over all cells at the l-th length, from `classSums`.
    func means(classSums sums: [Double], length l: Int) -> [Double] {
        weights[l].map { weights in
            guard let weights else { return 0 }
            var total = 0.0
            for c in 0..<classCount { total += weights[c] * sums[c] }
            return total
        }
    }
}
