/// Small order statistics the experiments need (kept local so Search does not wait on Statistics).
enum OrderStatistics {
    /// The type-7 (linear interpolation) percentile, `percent` in 0…100, of unsorted values.
    static func percentile(_ values: [Double], _ percent: Double) -> Double {
        let sorted = values.sorted()
        let position = percent / 100 * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// The median (mean of the two middle values for an even count), by selection; reorders `values`.
    static func median(_ values: inout [Double]) -> Double {
        precondition(!values.isEmpty)
        let n = values.count
        let upper = select(&values, n / 2)
        guard n % 2 == 0 else { return upper }
        // After selection everything left of n/2 is ≤ the upper middle: the lower middle is their maximum.
        var lower = values[0]
        for i in 1..<n / 2 where values[i] > lower { lower = values[i] }
        return (lower + upper) / 2
    }

    /// Hoare quickselect with a median-of-three pivot: the k-th smallest, leaving smaller values before k.
    private static func select(_ array: inout [Double], _ k: Int) -> Double {
        array.withUnsafeMutableBufferPointer { select($0, k) }
    }

    private static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var low = 0, high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }
}
