import Foundation
import SearchSpace
import Statistics
import Testing
@testable import Search

struct OperatorTests {
    @Test func reachOfEachFamily() throws {
        #expect(Fixtures.op(.kEdit(3)).reach == 3)
        #expect(abs(Fixtures.op(.perEdge(0.25)).reach - 1.5) < 1e-15)
        #expect(abs(Fixtures.op(.uniform).reach - 4.8) < 1e-15)
        let pi = [0.1, 0.2, 0.3, 0.1, 0.1, 0.1, 0.1]
        #expect(abs(Fixtures.op(.distanceMixture(pi)).reach - 2.6) < 1e-12)
        // Every isotropic family's reach equals the mean of its distance law.
        for kind: SearchOperator.Kind in [.kEdit(2), .perEdge(0.37), .uniform] {
            let op = Fixtures.op(kind), law = op.distanceDistribution!
            #expect(abs(law.reduce(0, +) - 1) < 1e-12)
            #expect(abs(law.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } - op.reach) < 1e-12)
        }
        let kernel = Fixtures.op(.opKernel(p: 0.4, m: Fixtures.lopsidedKernel))
        #expect(abs(kernel.reach - 6 * 0.4 * (1 - (0.1 + 0.05 + 0.2 + 0.5 + 0.7) / 5)) < 1e-12)
    }

    @Test func opKernelReachMatchesSampledDistance() {
        let op = Fixtures.op(.opKernel(p: 0.7, m: Fixtures.lopsidedKernel))
        let sampler = ProposalSampler(op)
        var generator = SeededGenerator(seed: 3)
        var total = 0, draws = 40_000
        for i in 0..<draws {
            let x = i % Cell.count
            let (y, d) = sampler.propose(from: x, using: &generator)
            #expect(Cell(code: x).distance(to: Cell(code: y)) == d)
            total += d
        }
        draws -= 0
        // Starts cycle over all codes, so the sample mean estimates the reach (sd per draw < 2.5).
        #expect(abs(Double(total) / Double(draws) - op.reach) < 4 * 2.5 / Double(draws).squareRoot())
    }

    @Test func isotropicSamplerHitsTheRightSphere() {
        let op = Fixtures.op(.kEdit(2))
        let sampler = ProposalSampler(op)
        var generator = SeededGenerator(seed: 9)
        var seen = Set<Int>()
        for _ in 0..<5_000 {
            let (y, d) = sampler.propose(from: 777, using: &generator)
            #expect(d == 2 && Cell(code: 777).distance(to: Cell(code: y)) == 2)
            seen.insert(y)
        }
        #expect(seen.count == 240)
    }

    @Test func eigenvaluesOfSpecialOperators() {
        // uniform projects onto the constant: λ_0 = 1, λ_j = 0 otherwise; per-edge(p): λ_j = (1 − 5p/4)^j.
        let uniform = Fixtures.op(.uniform).eigenvalues!
        #expect(abs(uniform[0] - 1) < 1e-15 && uniform.dropFirst().allSatisfy { abs($0) < 1e-15 })
        let perEdge = Fixtures.op(.perEdge(0.3)).eigenvalues!
        for j in 0...6 { #expect(abs(perEdge[j] - integerPower(1 - 1.25 * 0.3, j)) < 1e-12) }
    }

    @Test func symmetryFlags() {
        #expect(Fixtures.op(.kEdit(1)).preservesUniform)
        let lopsided = Fixtures.op(.opKernel(p: 0.5, m: Fixtures.lopsidedKernel))
        #expect(!lopsided.isSymmetric && !lopsided.preservesUniform)
        var generator = SeededGenerator(seed: 1)
        let m = OperatorSet.symmetricDoublyStochastic(using: &generator)
        let symmetric = Fixtures.op(.opKernel(p: 0.5, m: m))
        #expect(symmetric.isSymmetric && symmetric.preservesUniform)
    }

    @Test func descriptionRoundTripsThroughJSON() throws {
        let operators = OperatorSet.generate(count: 40, seed: 5)
        let data = try JSONEncoder().encode(operators)
        #expect(try JSONDecoder().decode([SearchOperator].self, from: data) == operators)
        let text = String(decoding: try JSONEncoder().encode(Fixtures.op(.kEdit(2))), as: UTF8.self)
        #expect(text.contains("\"params\":{\"k\":2}") && text.contains("\"family\":\"k-edit\""))
        let kernel = try SearchOperator(id: "a", family: .opKernel, parameters: OperatorParameters(p: 0.5, m: Fixtures.lopsidedKernel))
        #expect(kernel.kind == .opKernel(p: 0.5, m: Fixtures.lopsidedKernel))
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: OperatorError.self) { try SearchOperator(id: "a", kind: .kEdit(7)) }
        #expect(throws: OperatorError.self) { try SearchOperator(id: "a", kind: .perEdge(1.5)) }
        #expect(throws: OperatorError.self) { try SearchOperator(id: "a", kind: .distanceMixture([0.5, 0.6, 0, 0, 0, 0, 0])) }
        #expect(throws: OperatorError.self) { try SearchOperator(id: "a", family: .perEdge, parameters: OperatorParameters(k: 1)) }
    }

    @Test func generatedSetSpansReach() {
        let operators = OperatorSet.generate(count: 1_000, seed: 0)
        #expect(operators.count == 1_000)
        #expect(Set(operators.map(\.id)).count == 1_000)
        let reaches = operators.map(\.reach)
        #expect(reaches.min()! < 0.1 && reaches.max()! == 6)
        for family in OperatorFamily.allCases { #expect(operators.contains { $0.family == family }) }
        // Several families share each unit band of reach.
        for band in 0..<5 {
            let families = Set(operators.filter { Int($0.reach) == band }.map(\.family))
            #expect(families.count >= 3, "reach band \(band)")
        }
        #expect(OperatorSet.generate(count: 1_000, seed: 0) == operators)
        #expect(OperatorSet.generate(count: 1_000, seed: 1) != operators)
    }

    @Test func acceptanceLabelsRoundTrip() {
        for rule: AcceptanceRule in [.always, .improving, .nonWorsening, .metropolis(temperature: 0.5)] {
            #expect(AcceptanceRule(label: rule.label) == rule)
        }
        #expect(AcceptanceRule.metropolis(temperature: 0.5).label == "metropolis(T=0.5)")
        #expect(AcceptanceRule(label: "metropolis(T=-1)") == nil)
    }
}
