import Landscape
import Support

extension ReportContent {
    /// How local maxima and neutral networks fall on isomorphism classes (the input's `UniqueString` column).
    func isomorphismSection(_ layout: IsomorphismLayout, metric: String) -> Section {
        let pairs = 15_625 * 24 / 2
        func share(_ part: Int, _ whole: Int) -> Table.Cell { .percent(whole > 0 ? Double(part) / Double(whole) : nil) }
        let rows: [(String, Table.Cell, Table.Cell)] = [
            ("Isomorphism classes in the space", .integer(layout.classes), .note("—")),
            ("Neighbour pairs whose two cells are isomorphic", .integer(layout.isomorphicNeighbourPairs), share(layout.isomorphicNeighbourPairs, pairs)),
            ("Neutral neighbour pairs (equal accuracy)", .integer(layout.neutralNeighbourPairs), share(layout.neutralNeighbourPairs, pairs)),
            ("Neutral pairs inside one class (the move does not change the function)", .integer(layout.neutralIsomorphicNeighbourPairs),
             share(layout.neutralIsomorphicNeighbourPairs, layout.neutralNeighbourPairs)),
            ("Strict local maxima", .integer(layout.localMaxima), .note("—")),
            ("Classes among the local maxima", .integer(layout.localMaximaClasses), share(layout.localMaximaClasses, layout.localMaxima)),
            ("Local maxima alone in their class", .integer(layout.localMaximaAloneInClass), share(layout.localMaximaAloneInClass, layout.localMaxima)),
            ("Mean class size of a local maximum", .number(layout.localMaximaMeanClassSize), .note("—")),
            ("Neutral networks", .integer(layout.neutralNetworks), .note("—")),
            ("Networks lying inside one class", .integer(layout.neutralNetworksWithinOneClass), share(layout.neutralNetworksWithinOneClass, layout.neutralNetworks)),
            ("Classes on the largest network", .integer(layout.largestNeutralNetworkClasses), .note("—")),
        ]
        return Section("Isomorphism", [
            .paragraph("Cells in one isomorphism class (the input's UniqueString column) compute the same function, but NATS-Bench trained each separately, so they need not share an accuracy. These counts show how much of the landscape's neutrality and modality is one function repeated under different encodings (the space's mean class size is \(NumberFormat.number(15_625 / Double(max(layout.classes, 1))))."),
            .table(Table(caption: "Isomorphism classes of \(metric)", columns: ["Quantity", "Count", "Share"],
                         rows: rows.map { Table.Row(header: Table.Cell($0.0), cells: [$0.1, $0.2]) })),
        ])
    }
}
