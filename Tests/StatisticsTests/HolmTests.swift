import Testing
import Statistics

@Suite struct HolmTests {
    @Test func matchesStatsmodels() {
        for golden in Golden.shared.holm {
            let adjusted = holmAdjusted(golden.p.map { $0 ?? .nan })
            #expect(adjusted.count == golden.adjusted.count)
            for (value, expected) in zip(adjusted, golden.adjusted) {
                #expect(agrees(value, expected, relative: 1e-14), "\(value) vs \(String(describing: expected))")
            }
        }
    }

    @Test func nanDoesNotCountAsATest() {
        // With the NaN ignored there are two tests, so the smaller p doubles.
        let adjusted = holmAdjusted([0.01, .nan, 0.04])
        #expect(adjusted[0] == 0.02 && adjusted[1].isNaN && adjusted[2] == 0.04)
        #expect(holmAdjusted([]).isEmpty)
    }
}
