import Testing
@testable import SearchSpace

@Suite struct NeighbourhoodTests {
    @Test func sphereSizesMatchTheHammingScheme() {
        #expect((0...6).map(Combinatorics.sphereSize) == [1, 24, 240, 1280, 3840, 6144, 4096])
        #expect((0...6).map(Combinatorics.sphereSize).reduce(0, +) == Cell.count)
    }

    @Test(arguments: [0, 1, 777, 15_624])
    func cellsAtEachDistanceAreExactlyTheSphere(code: Int) {
        let x = Cell(code: code)
        var seen = Set<Cell>()
        for k in 0...6 {
            let sphere = x.cells(atDistance: k)
            #expect(sphere.count == Combinatorics.sphereSize(k))
            #expect(sphere.allSatisfy { $0.distance(to: x) == k })
            seen.formUnion(sphere)
        }
        #expect(seen.count == Cell.count)
    }

    @Test func neighbourTableIsSymmetricAndAtDistanceOne() {
        let table = NeighbourTable()
        for x in stride(from: 0, to: Cell.count, by: 7) {
            let neighbours = (0..<24).map { table[x, $0] }
            #expect(Set(neighbours).count == 24)
            for y in neighbours {
                #expect(Cell(code: x).distance(to: Cell(code: y)) == 1)
                #expect((0..<24).contains { table[y, $0] == x })
            }
        }
    }

    @Test func distanceIsAMetric() {
        let cells = stride(from: 0, to: Cell.count, by: 311).map(Cell.init(code:))
        for a in cells { for b in cells {
            #expect(a.distance(to: b) == b.distance(to: a))
            #expect((a.distance(to: b) == 0) == (a == b))
            #expect(a.distance(to: b) == zip(a.operations, b.operations).filter { $0 != $1 }.count)
        } }
    }

    @Test func connectivityFollowsNonNoneEdges() {
        #expect(!Cell(code: 0).isConnected)
        #expect(Cell(operations: [.none, .none, .none, .skipConnect, .none, .none]).isConnected)
        #expect(Cell(operations: [.conv1x1, .none, .none, .none, .none, .conv3x3]).isConnected == false)
        #expect(Cell(operations: [.conv1x1, .none, .avgPool3x3, .none, .none, .conv3x3]).isConnected)
    }
}
