import SearchSpace
import Testing
@testable import Landscape

@Suite struct IsomorphismLayoutTests {
    /// The cone (f = number of `none` edges) with the number of `skip_connect` edges as the class.
    @Test func coneWithSkipCountClassesByHand() {
        let layout = IsomorphismLayout(analysis: LandscapeAnalysis(fitness: LabLandscapes.cone), classes: LabLandscapes.skipCount)
        // A neighbour pair changes one edge from op a to op b, with 5^5 settings of the other edges.
        let perOpPair = 6 * 3125
        #expect(layout.classes == 7)
        #expect(layout.isomorphicNeighbourPairs == 6 * perOpPair)  // neither a nor b is skip: C(4, 2) op pairs
        #expect(layout.neutralNeighbourPairs == 6 * perOpPair)  // neither is `none`
        #expect(layout.neutralIsomorphicNeighbourPairs == 3 * perOpPair)  // neither is `none` or skip
        #expect(layout.localMaxima == 1 && layout.localMaximaClasses == 1)
        #expect(layout.localMaximaAloneInClass == 0)
        #expect(layout.localMaximaMeanClassSize == 4096)  // the all-`none` cell's class: no skip edge, 4^6 cells
        #expect(layout.neutralNetworks == 63)
        #expect(layout.neutralNetworksWithinOneClass == 0)  // every network can put skip on some edge
        #expect(layout.largestNeutralNetworkClasses == 7)
    }

    /// With the fitness itself as the class, every neutral move stays in its class.
    @Test func fitnessAsClassKeepsEveryNetworkInOneClass() {
        let classes = LabLandscapes.cone.values.map { "\($0)" }
        let layout = IsomorphismLayout(analysis: LandscapeAnalysis(fitness: LabLandscapes.cone), classes: classes)
        #expect(layout.neutralIsomorphicNeighbourPairs == layout.neutralNeighbourPairs)
        #expect(layout.isomorphicNeighbourPairs == layout.neutralNeighbourPairs)
        #expect(layout.neutralNetworksWithinOneClass == 63)
        #expect(layout.localMaximaAloneInClass == 1)
    }
}
