import Benchmark
import Landscape
import SearchSpace
import Support

/// The reproduction of the lab's published landscape study (Tao & Bang 2024, `LabPublished`): for every
/// metric of the published study present in the input, each published value beside nasreach's
/// lab-compatible and exact values, with the cause of every difference found by recomputation.
struct LabReproductionStudy {
    /// By metric id; nil when the input carries none of the published study's metrics.
    let reproduction: [String: LabReproduction]?

    /// - Parameter alternativeParsing: the same CSV read with pandas 2.2.1's parser (only when the main read
    ///   is correctly rounded), so that parsing can be named as a cause.
    init(benchmark: Benchmark, landscapes: [LandscapeAnalysis], summaries: [String: LandscapeSummary],
         alternativeParsing: Benchmark?, threads: Int) {
        let studied = benchmark.metrics.indices.compactMap { index -> (Int, String)? in
            let metric = benchmark.metrics[index]
            return LabPublished.column(column: metric.column, dataset: metric.dataset, split: metric.split, epochs: metric.epochs)
                .map { (index, $0) }
        }
        guard !studied.isEmpty else {
            reproduction = nil
            return
        }
        let neighbours = NeighbourTable()
        // The lab-compatible values of the other parsing, for the studied metrics only.
        let asLab: [Int: LabCompatibleLandscape] = {
            guard let other = alternativeParsing, benchmark.source.floatParsing == .correctlyRounded,
                  other.source.floatParsing == .pandas221 else { return [:] }
            let classes = other.isomorphismClassesByCode
            let matching = studied.compactMap { index, _ in
                other.metrics.firstIndex { $0.column == benchmark.metrics[index].column }.map { (index, $0) }
            }
            let analyses = Parallel.map(count: matching.count, threads: threads) { item in
                LandscapeAnalysis(fitness: other.fitness(other.metrics[matching[item].1]), isomorphismClasses: classes,
                                  options: landscapes[matching[item].0].options, neighbours: neighbours)
            }
            return Dictionary(uniqueKeysWithValues: zip(matching, analyses).map { pair, analysis in
                (pair.0, LabCompatibleLandscape(analysis: analysis, isomorphismClasses: classes, neighbours: neighbours))
            })
        }()
        var byMetric: [String: LabReproduction] = [:]
        for (index, column) in studied {
            let metric = benchmark.metrics[index], analysis = landscapes[index]
            guard let ours = summaries[metric.id]?.labCompatible, let published = LabPublished.values[column] else { continue }
            var alternatives: [LabReproduction.Alternative] = []
            if let lab = asLab[index] { alternatives.append(.init(cause: .parsing, landscape: lab)) }
            if let size = ours.maxNeutralNetSize, size >= 2 {
                let slip = LabIndexingSlip(fitness: analysis.fitness, networkSize: Int(size))
                alternatives.append(.init(cause: .indexingSlip, values: [.largestNeutralNetMaxEditDistance: slip.maxEditDistance,
                                                                         .largestNeutralNetAvgEditDistance: slip.avgEditDistance]))
            }
            byMetric[metric.id] = LabReproduction(published: published, labCompatible: ours,
                                                  exact: LabCompatibleLandscape.exactCounterparts(analysis), alternatives: alternatives)
        }
        reproduction = byMetric
    }
}
