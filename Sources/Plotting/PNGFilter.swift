/// PNG scanline filtering of one-byte pixels (palette indices).
enum PNGFilter {
    /// `rows` scanlines of `width` bytes, each prefixed by the filter type (0 None, 1 Sub, 2 Up,
    /// 3 Average, 4 Paeth) whose output has the smallest sum of absolute values read as signed bytes:
    /// libpng's heuristic, as bytes near zero compress best. Up turns the repeated rows of flat
    /// backgrounds into zeros; Sub the horizontal runs; None suits rows where indices are unrelated.
    static func filtered(_ pixels: [UInt8], width: Int, rows: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rows * (width + 1))
        // The row above the first is zeros; the scratch rows hold each filter's output.
        let padded = [UInt8](repeating: 0, count: width) + pixels
        var candidates = [UInt8](repeating: 0, count: 5 * width)
        padded.withUnsafeBufferPointer { padded in
            candidates.withUnsafeMutableBufferPointer { candidates in
                out.withUnsafeMutableBufferPointer { out in
                    for y in 0..<rows {
                        let above = UnsafeBufferPointer(rebasing: padded[(y * width)..<((y + 1) * width)])
                        let line = UnsafeBufferPointer(rebasing: padded[((y + 1) * width)..<((y + 2) * width)])
                        var bestType = 0, bestCost = Int.max
                        for type in 0..<5 {
                            let scratch = UnsafeMutableBufferPointer(rebasing: candidates[(type * width)..<((type + 1) * width)])
                            let cost = apply(type, line, above, into: scratch)
                            if cost < bestCost { (bestType, bestCost) = (type, cost) }
                        }
                        let start = y * (width + 1)
                        out[start] = UInt8(bestType)
                        (out.baseAddress! + start + 1).update(from: candidates.baseAddress! + bestType * width, count: width)
                    }
                }
            }
        }
        return out
    }

    /// Writes filter `type` of `line` (with `above`, the unfiltered row before it) and returns its cost.
    private static func apply(
        _ type: Int, _ line: UnsafeBufferPointer<UInt8>, _ above: UnsafeBufferPointer<UInt8>,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var cost = 0
        for x in 0..<line.count {
            let left = x > 0 ? line[x - 1] : 0, up = above[x], upLeft = x > 0 ? above[x - 1] : 0
            let predicted: UInt8
            switch type {
            case 0: predicted = 0
            case 1: predicted = left
            case 2: predicted = up
            case 3: predicted = UInt8((Int(left) + Int(up)) / 2)
            default: predicted = paeth(left, up, upLeft)
            }
            let value = line[x] &- predicted
            out[x] = value
            cost += value < 128 ? Int(value) : 256 - Int(value)
        }
        return cost
    }

    /// The neighbour closest to left + up − upper-left (PNG's Paeth predictor).
    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let (pa, pb, pc) = (abs(p - Int(a)), abs(p - Int(b)), abs(p - Int(c)))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
