import Support
import Landscape

extension ReportContent {
    /// Every field of a metric's landscape summary, in plain language, grouped as the lab's earlier
    /// fitness-landscape study reads them, each group with its figure.
    func localitySections(_ landscape: LandscapeSummary, metric: String) -> [Section] {
        [
            Section("Local maxima and fitness–distance correlation",
                    [.table(maximaTable(landscape, metric: metric)), .table(fdcTable(landscape, metric: metric)),
                     .table(shellTable(landscape, metric: metric))] + figureBlocks(.fitnessDistance, metric: metric)),
            Section("Autocorrelation", [
                .paragraph("Autocorrelation ρ(k) of accuracy along a simple random walk over neighbours (edit distance 1): exact from the Fourier order energies, and a seeded Monte Carlo estimate from \(NumberFormat.integer(landscape.monteCarloWalks)) walks of length \(NumberFormat.integer(landscape.monteCarloWalkLength)) (seed \(landscape.monteCarloSeed)). The correlation length is ℓ = −1/ln ρ(1): \(NumberFormat.number(landscape.exactCorrelationLength))."),
                .table(autocorrelationTable(landscape, metric: metric)),
            ] + figureBlocks(.autocorrelation, metric: metric)),
            Section("Fourier order energies", [
                .paragraph("Energy of the accuracy in each Fourier order on Z₅⁶: order j collects the effects of exactly j edges acting together (order 0 is the mean, which carries no variance)."),
                .table(energyTable(landscape, metric: metric)),
            ] + figureBlocks(.orderEnergies, metric: metric)),
            Section("Basins", [
                .paragraph("The weak basin of a local maximum is every cell from which it can be reached by moves to neighbours that never lower the accuracy; the strong basin is the part of it that lies in no other weak basin. Extent is the largest edit distance from the maximum."),
                .table(basinTable(landscape, metric: metric)), .table(basinsByMaximumTable(landscape, metric: metric)),
            ]),
            Section("Neutral networks", [
                .paragraph("A neutral network is a connected set of more than one cell whose neighbours (edit distance 1) have exactly the same accuracy."),
                .table(neutralTable(landscape, metric: metric)),
            ]),
        ]
    }

    private func quantityTable(_ caption: String, _ rows: [(String, Table.Cell)]) -> Table {
        Table(caption: caption, columns: ["Quantity", "Value"], rows: rows.map { Table.Row(header: Table.Cell($0.0), cells: [$0.1]) })
    }

    func maximaTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        quantityTable("Local maxima of \(metric)", [
            ("Global maximum accuracy", .accuracy(landscape.maxFitness)),
            ("Global maximum (API index)", .integer(landscape.globalMaxIndex)),
            ("Strict local maxima (better than all 24 neighbours)", .integer(landscape.numLocalMaxima)),
            ("Local maxima (API indices, best first)", .list(landscape.localMaxima.map(String.init))),
            ("Their accuracies", .list(landscape.localMaximaFitness.map { NumberFormat.number($0, significantDigits: 4) })),
            ("Their edit distances to the global maximum", .list(landscape.localMaximaDistance.map(String.init))),
            ("Pearson correlation of their accuracy with that distance", .number(landscape.localMaximaPearson)),
            ("Spearman correlation of their accuracy with that distance", .number(landscape.localMaximaSpearman)),
            ("Kendall's tau of their accuracy with that distance", .number(landscape.localMaximaKendall)),
            ("p-value of that Kendall's tau", .pValue(landscape.localMaximaKendallPValue)),
        ])
    }

    func fdcTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        Table(caption: "Fitness–distance correlation of \(metric)", columns: ["Correlation of accuracy with distance to the global maximum", "Coefficient", "p-value"], rows: [
            ("Pearson (FDC)", landscape.fdc, landscape.fdcPValue),
            ("Spearman", landscape.fdcSpearman, landscape.fdcSpearmanPValue),
            ("Kendall", landscape.fdcKendall, landscape.fdcKendallPValue),
        ].map { Table.Row(header: Table.Cell($0.0), cells: [.number($0.1), .pValue($0.2)]) })
    }

    func shellTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        Table(caption: "Accuracy by edit distance to the global maximum of \(metric)",
              columns: ["Distance", "Cells", "Mean accuracy", "Minimum", "Maximum"],
              rows: landscape.fitnessByDistance.map { shell in
                  Table.Row(header: .integer(shell.distance), cells: [
                      .integer(shell.count), .accuracy(shell.mean), .accuracy(shell.min), .accuracy(shell.max),
                  ])
              })
    }

    func autocorrelationTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        let exact = landscape.autocorrelation ?? []
        let estimate = landscape.autocorrelationMonteCarlo ?? []
        let error = landscape.autocorrelationStandardError ?? []
        let lags = max(exact.count, estimate.count)
        return Table(caption: "Random-walk autocorrelation of \(metric)",
                     columns: ["Lag k", "Exact ρ(k)", "Monte Carlo ρ(k)", "Standard error"],
                     rows: (0..<lags).map { index in
                         Table.Row(header: .integer(index + 1), cells: [
                             .number(exact.indices.contains(index) ? exact[index] : nil),
                             .number(estimate.indices.contains(index) ? estimate[index] : nil),
                             .number(error.indices.contains(index) ? error[index] : nil),
                         ])
                     })
    }

    func energyTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        let shares = landscape.orderVarianceShares
        return Table(caption: "Fourier order energies of \(metric)", columns: ["Order j", "Energy E_j", "Share of the variance"],
                     rows: landscape.orderEnergies.enumerated().map { order, energy in
                         let share = order > 0 ? shares.flatMap { $0.indices.contains(order) ? $0[order] : nil } : nil
                         return Table.Row(header: .integer(order), cells: [.number(energy), .percent(share)])
                     })
    }

    func basinTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        quantityTable("Basins of \(metric)", [
            ("Weak basins (one per local maximum)", .integer(landscape.numWeakBasins)),
            ("Average weak basin size (cells, counting the maximum)", .number(landscape.avgWeakBasinSizeWithMaximum)),
            ("Largest edit distance from a maximum within its weak basin", .integer(landscape.weakBasinMaxEditDistance)),
            ("Strong basins holding more than their own maximum", .integer(landscape.numStrongBasins)),
            ("Largest edit distance from a maximum within its strong basin", .integer(landscape.strongBasinMaxEditDistance)),
            ("Share of cells in the global maximum's weak basin", .percent(landscape.globalMaxWeakBasinShare)),
            ("Share of cells in the global maximum's strong basin", .percent(landscape.globalMaxStrongBasinShare)),
        ])
    }

    func basinsByMaximumTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        func value(_ array: [Int], _ index: Int) -> Table.Cell { .integer(array.indices.contains(index) ? array[index] : nil) }
        return Table(caption: "Basins of each local maximum of \(metric)", columns: [
            "Local maximum (API index)", "Accuracy", "Distance to global maximum", "Weak basin size", "Weak basin max edit distance",
            "Strong basin size", "Strong basin max edit distance",
        ], rows: landscape.localMaxima.indices.map { index in
            Table.Row(header: .integer(landscape.localMaxima[index]), cells: [
                .accuracy(landscape.localMaximaFitness.indices.contains(index) ? landscape.localMaximaFitness[index] : nil),
                value(landscape.localMaximaDistance, index), value(landscape.weakBasinSizes, index),
                value(landscape.weakBasinMaxEditDistances, index), value(landscape.strongBasinSizes, index),
                value(landscape.strongBasinMaxEditDistances, index),
            ])
        })
    }

    func neutralTable(_ landscape: LandscapeSummary, metric: String) -> Table {
        quantityTable("Neutral networks of \(metric)", [
            ("Neutral networks", .integer(landscape.numNeutralNetworks)),
            ("Largest network (cells)", .integer(landscape.maxNeutralNetworkSize)),
            ("Accuracy on the largest network", .accuracy(landscape.maxNeutralNetworkFitness)),
            ("Distinct accuracies next to the largest network", .integer(landscape.maxNeutralNetworkNeighbourValues.count)),
            ("… of which above the network's accuracy", .integer(landscape.maxNeutralNetworkFitterNeighbourValues)),
            ("Network sizes, largest first", .list(landscape.neutralNetworkSizes.map(String.init))),
            ("Distinct isomorphism classes per network", landscape.neutralNetworkIsomorphismClasses.map { .list($0.map(String.init)) }
                ?? Table.Cell("not known for this source")),
        ])
    }
}
