import Plotting
import Testing

/// Labels a person would write: no binary-float noise, no negative zero, ASCII minus replaced.
private func expectClean(_ ticks: [Tick], sourceLocation: SourceLocation = #_sourceLocation) {
    for tick in ticks {
        #expect(!tick.label.contains("0000000001") && !tick.label.contains("9999999"), "\(tick.label)", sourceLocation: sourceLocation)
        #expect(tick.label != "−0" && tick.label != "-0" && !tick.label.hasPrefix("-"), "\(tick.label)", sourceLocation: sourceLocation)
    }
    #expect(Set(ticks.map(\.label)).count == ticks.count, "labels must differ: \(ticks.map(\.label))", sourceLocation: sourceLocation)
    #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.value < $1.value }, sourceLocation: sourceLocation)
}

@Test func everydayRangeUsesOneTwoFiveSteps() {
    let ticks = Ticks.linear(0, 1, count: 5)
    #expect(ticks.map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(Ticks.linear(0, 0.9, count: 9).map(\.label).contains("0.3"))
    expectClean(ticks)
}

@Test func negativeRangeUsesMinusSignAndPlainZero() {
    let ticks = Ticks.linear(-1, 1, count: 4)
    #expect(ticks.map(\.label) == ["−1.0", "−0.5", "0", "0.5", "1.0"])
    expectClean(ticks)
    expectClean(Ticks.linear(-0.35, -0.05, count: 6))
}

@Test func tinySpanStaysReadable() {
    let ticks = Ticks.linear(0, 1e-9, count: 5)
    #expect(ticks.count >= 2)
    #expect(ticks.map(\.label) == ["0", "2×10⁻¹⁰", "4×10⁻¹⁰", "6×10⁻¹⁰", "8×10⁻¹⁰", "1×10⁻⁹"])
    expectClean(ticks)
    let offset = Ticks.linear(1, 1 + 1e-9, count: 5)
    #expect(offset.count >= 2)
    #expect(offset.first?.label == "1.0000000000")
    expectClean(offset)
}

@Test func hugeSpanUsesPowersOfTen() {
    let ticks = Ticks.linear(0, 1e12, count: 5)
    #expect(ticks.map(\.label) == ["0", "2×10¹¹", "4×10¹¹", "6×10¹¹", "8×10¹¹", "1×10¹²"])
    expectClean(ticks)
    expectClean(Ticks.linear(-3e12, 1.5e12, count: 5))
}

@Test func singleValueIsWidened() {
    let ticks = Ticks.linear(3, 3, count: 5)
    #expect(ticks.count >= 2)
    #expect(ticks.contains { $0.value == 3 })
    #expect(Ticks.linear(0, 0).count >= 2)
    expectClean(ticks)
}

@Test func reversedInputGivesTheSameTicks() {
    #expect(Ticks.linear(10, -10) == Ticks.linear(-10, 10))
    #expect(Ticks.log(1000, 1) == Ticks.log(1, 1000))
}

@Test func nonFiniteInputFallsBack() {
    #expect(Ticks.linear(.nan, 1).count >= 2)
    #expect(Ticks.linear(0, .infinity).count >= 2)
}

@Test func logTicksArePowersOfTenOrFilledIn() {
    #expect(Ticks.log(1, 1e4).map(\.label) == ["1", "10", "100", "1000", "10000"])
    #expect(Ticks.log(1e-8, 1e8, count: 4).map(\.value).allSatisfy { [1e-8, 1e-4, 1, 1e4, 1e8].contains($0) })
    #expect(Ticks.log(0.04, 1.1).map(\.label) == ["0.05", "0.1", "0.2", "0.5", "1"])
}
