import Algorithms
import Benchmark
import Foundation
import Landscape
import Search
import SearchSpace
import Statistics

/// The analysis stage as one sequence of steps: metric summaries → landscape → operators →
/// experiments → hypotheses → breakdowns. Pure computation; the CLI does the I/O.
public struct AnalysisRun: Sendable {
    public let benchmark: Benchmark
    public let configuration: Configuration
    public let seed: UInt64
    public let threads: Int
    /// Compute only this slice of the operator set (a partial result for `merge`).
    public let shard: Shard?
    public let version: String
    public let generatedAt: String

    /// The same input read with the other float parsing (the lab's pandas), to name parsing as a cause.
    public let alternativeParsing: Benchmark?

    public init(benchmark: Benchmark, configuration: Configuration, seed: UInt64, threads: Int, shard: Shard? = nil,
                version: String, generatedAt: String, alternativeParsing: Benchmark? = nil) {
        self.benchmark = benchmark
        self.alternativeParsing = alternativeParsing
        self.configuration = configuration
        self.seed = seed
        self.threads = threads
        self.shard = shard
        self.version = version
        self.generatedAt = generatedAt
    }

    /// Reports (stage, done, total) as work completes; called from the calling thread only. An experiment's
    /// unit of work is one operator on one metric.
    public typealias ProgressHandler = (_ stage: AnalysisStage, _ done: Int, _ total: Int) -> Void

    public func run(progress: ProgressHandler = { _, _, _ in }) -> AnalysisOutput {
        let fitness = benchmark.metrics.map(benchmark.fitness)
        progress(.landscape, 0, 1)
        let landscapes = LandscapeAnalysis.analyze(fitness, isomorphismClasses: benchmark.isomorphismClassesByCode,
                                                   options: LandscapeOptions(walks: configuration.landscapeWalks,
                                                                             walkLength: configuration.landscapeWalkLength, seed: seed),
                                                   threads: threads)
        let summaries = Dictionary(uniqueKeysWithValues: zip(benchmark.metrics, landscapes).map { ($0.id, $1.summary) })
        progress(.landscape, 1, 1)

        let operators = OperatorSet.generate(count: configuration.operatorCount, seed: seed)
        let slice = shard?.range(of: operators.count) ?? operators.indices
        let settings = configuration.searchSettings(seed: seed, threads: threads)
        let chunk = 100
        let chunks = stride(from: slice.lowerBound, to: slice.upperBound, by: chunk).map { $0..<min($0 + chunk, slice.upperBound) }
        progress(.experiments, 0, benchmark.metrics.count * slice.count)
        var records: [ImprovabilityRecord] = []
        var decileRecords: [ImprovabilityRecord] = []
        var decileSummaries: [DecileSummary] = []
        for (m, metric) in benchmark.metrics.enumerated() {
            let experiment = ImprovabilityExperiment(fitness: fitness[m], settings: settings).budgeted(for: operators)
            var metricDeciles: [ImprovabilityRecord] = []
            for range in chunks {
                let (main, byDecile) = AnalysisRun.records(from: experiment.rows(for: operators, in: range), metric: metric.id)
                records += main
                metricDeciles += byDecile
                progress(.experiments, m * slice.count + range.upperBound - slice.lowerBound, benchmark.metrics.count * slice.count)
            }
            // A whole run summarises the decile rows metric by metric (they are as many as all the
            // others); a shard keeps them for `merge`, which summarises them over every operator.
            if shard == nil { decileSummaries += DecileSummary.tabulate(metricDeciles) } else { decileRecords += metricDeciles }
        }

        let partial = Results(
            provenance: Provenance(input: Provenance.publishedName(of: benchmark.source.input), inputSHA256: benchmark.source.sha256,
                                   sourceKind: benchmark.source.kind.rawValue, synthetic: benchmark.source.kind == .synthetic,
                                   seed: seed, version: version, generatedAt: generatedAt,
                                   floatParsing: benchmark.source.kind == .csv ? benchmark.source.floatParsing.optionName : nil),
            configuration: configuration,
            metrics: benchmark.metrics.map(MetricSummary.init),
            landscape: summaries,
            operators: operators.map(OperatorRecord.init),
            hypotheses: [], breakdowns: [], deciles: decileSummaries,
            searchAlgorithms: shard == nil || shard?.index == 1 ? searchAlgorithms(fitness, progress: progress) : [],
            spectral: configuration.acceptanceRules.contains(.always) ? zip(benchmark.metrics, fitness).map { metric, f in
                MetricSpectralDecomposition(metric: metric.id, decompositions: SpectralDecomposition.decompose(
                    fitness: f, operators: operators, pathLengths: configuration.pathLengths))
            } : [],
            shard: shard,
            reproduction: LabReproductionStudy(benchmark: benchmark, landscapes: landscapes, summaries: summaries,
                                               alternativeParsing: alternativeParsing, threads: threads).reproduction)
        let cells = zip(benchmark.metrics, landscapes).map { metric, landscape in
            CellTable(metric: metric, benchmark: benchmark, landscape: landscape)
        }
        let spectralNull = configuration.acceptanceRules.contains(.always) && configuration.nullReplicates > 0
        // Like the search algorithms, the subset null does not depend on the slice: a single run and shard 1 compute it.
        let subsetNull = (configuration.nullSubsetReplicates > 0 || configuration.nullReplicates > 0) && (shard == nil || shard?.index == 1)
        // One count over both nulls, so the stage's progress runs from 0 to 100% once.
        let nullRuns = benchmark.metrics.count * ((spectralNull ? 1 : 0) + (subsetNull ? 1 : 0))
        var nullRunsDone = 0
        if nullRuns > 0 { progress(.nulls, 0, nullRuns) }
        var nulls: [String: PermutationNull] = [:]
        if spectralNull {
            for (m, metric) in benchmark.metrics.enumerated() {
                nulls[metric.id] = PermutationNull(fitness: fitness[m], operators: operators, pathLengths: configuration.pathLengths,
                                                   replicates: configuration.nullReplicates, seed: seed, threads: threads)
                nullRunsDone += 1
                progress(.nulls, nullRunsDone, nullRuns)
            }
        }
        var experimentNulls: [String: ExperimentNull] = [:]
        if subsetNull {
            for (m, metric) in benchmark.metrics.enumerated() {
                experimentNulls[metric.id] = ExperimentNull(fitness: fitness[m], operators: operators, subsetSize: configuration.nullSubsetOperators,
                                                            settings: settings, replicates: configuration.nullSubsetReplicates,
                                                            alwaysReplicates: configuration.nullReplicates,
                                                            seed: seed, threads: threads)
                nullRunsDone += 1
                progress(.nulls, nullRunsDone, nullRuns)
            }
        }
        let output = AnalysisOutput(results: partial, records: records, decileRecords: decileRecords, cells: cells, nulls: nulls,
                                    experimentNulls: experimentNulls)
        guard shard == nil else { return output }
        progress(.hypotheses, 0, 1)
        defer { progress(.hypotheses, 1, 1) }
        return output.completed(threads: threads)
    }

    /// Every standard algorithm on every metric (`searchAlgorithms[]`), seeded by the run's seed alone:
    /// it does not depend on the operators, so a single run and shard 1 compute the same records.
    public func searchAlgorithms(_ fitness: [FitnessFunction], progress: ProgressHandler = { _, _, _ in }) -> [SearchAlgorithmRecord] {
        progress(.searchAlgorithms, 0, 1)
        defer { progress(.searchAlgorithms, 1, 1) }
        let neighbours = NeighbourTable()
        let landscapes = zip(benchmark.metrics, fitness).map { metric, f in
            SearchLandscape(metric: metric.id, fitness: f, neighbours: neighbours,
                            startGroups: StartGroup.standard(for: f, deciles: false).map { StartCells(name: $0.id.rawValue, members: $0.members) })
        }
        let study = configuration.searchAlgorithms
        let settings = AlgorithmStudySettings(runs: study.runs, budget: study.budget,
                                              pathLengths: Array(Set(configuration.pathLengths)).sorted())
        let measurements = AlgorithmStudy.measure(StandardAlgorithms.all(budget: study.budget), on: landscapes, settings: settings,
                                                  seed: seed, threads: threads)
        let closedForms = Dictionary(uniqueKeysWithValues: landscapes.map { landscape in
            let maxima = landscape.fitness.values.count { $0 == landscape.maximumFitness }
            return (landscape.metric, Double(Cell.count + 1) / Double(maxima + 1))
        })
        return measurements.map { measurement in
            SearchAlgorithmRecord(measurement, closedForm: measurement.algorithm == .randomSearch ? closedForms[measurement.metric] : nil)
        }
    }

    /// Search rows as table records; decile rows are kept apart for the decile summary.
    static func records(from rows: [ImprovabilityRow], metric: String) -> (main: [ImprovabilityRecord], deciles: [ImprovabilityRecord]) {
        var main: [ImprovabilityRecord] = [], deciles: [ImprovabilityRecord] = []
        for row in rows {
            let record = ImprovabilityRecord(metric: metric, row: row)
            if row.group.decile != nil { deciles.append(record) } else { main.append(record) }
        }
        return (main, deciles)
    }
}

extension Configuration {
    /// The search stage's settings for this configuration.
    public func searchSettings(seed: UInt64, threads: Int) -> SearchSettings {
        var settings = SearchSettings.default
        settings.operatorCount = operatorCount
        settings.operatorSeed = seed
        settings.monteCarloSeed = seed
        settings.pathLengths = pathLengths
        settings.thresholdPercentiles = thresholdPercentiles
        settings.acceptanceRules = acceptanceRules
        settings.monteCarloReliability = monteCarlo.reliability
        settings.minimumWalks = monteCarlo.minimumWalks
        settings.maximumWalks = monteCarlo.maximumWalks
        settings.hittingWalks = monteCarlo.hittingWalks
        settings.hittingTimeCap = monteCarlo.hittingTimeCap
        settings.maximumHittingTimeCap = monteCarlo.maximumHittingTimeCap
        settings.dynamicProgrammingMaxK = monteCarlo.dynamicProgrammingMaxK
        settings.exactChainMaxLength = monteCarlo.exactChainMaxLength
        settings.threads = threads
        return settings
    }
}

extension DecileSummary {
    /// Family means per (metric, acceptance, L, decile), in first-appearance order.
    static func tabulate(_ records: [ImprovabilityRecord]) -> [DecileSummary] {
        struct Key: Hashable {
            var setting: SettingKey
            var family: OperatorFamily
        }
        var order: [Key] = []
        var cells: [Key: (first: ImprovabilityRecord, means: [Double], fractions: [Double])] = [:]
        for record in records {
            guard record.pathLength != nil else { continue }
            let key = Key(setting: SettingKey(record), family: record.family)
            if cells[key] == nil {
                order.append(key)
                cells[key] = (record, [], [])
            }
            if let mean = record.meanImprovability { cells[key]!.means.append(mean) }
            if let fraction = record.fractionImproved { cells[key]!.fractions.append(fraction) }
        }
        return order.compactMap { key in
            let (first, means, fractions) = cells[key]!
            guard !means.isEmpty, let decile = first.group.decile else { return nil }
            return DecileSummary(metric: first.metric, acceptance: first.acceptance, pathLength: first.pathLength!, decile: decile,
                                 family: first.family, operators: means.count, meanImprovability: Descriptive.mean(means),
                                 fractionImproved: fractions.isEmpty ? nil : Descriptive.mean(fractions))
        }
    }
}
