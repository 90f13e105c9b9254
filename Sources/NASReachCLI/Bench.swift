import Analysis
import ArgumentParser
import Benchmark
import Figures
import Foundation
import Landscape
import Report
import Search
import SearchSpace
import Statistics
import Support

/// `nasreach bench`: the performance figures the issues ask for, each the median of several runs.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure load, landscape, exact engine, Monte Carlo, figures and the full report (release builds only).",
        discussion: """
        Prints the median of --runs runs for each measurement and the peak memory of the process.

        Example:
          swift run -c release nasreach bench --data nats_bench.csv
        """
    )

    @Option(name: .long, help: ArgumentHelp("Benchmark CSV (default: $NASREACH_DATA, else the synthetic landscape).", valueName: "SRC"))
    var data: String?

    @Option(name: .long, help: "Runs per measurement (the median is printed).")
    var runs = 5

    @Flag(name: .long, help: "Skip the full end-to-end report (the slowest measurement).")
    var skipReport = false

    @Option(name: .long, help: ArgumentHelp("A NATS-Bench archive folder (or sample folder) to time one architecture file.", valueName: "DIR"))
    var archive: String?

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let source = data ?? ProcessInfo.processInfo.environment["NASREACH_DATA"] ?? SyntheticSource.input
            let options = try DataOptions.parse(["--data", source])
            Terminal.line("nasreach bench — \(source), median of \(runs) runs, \(Parallel.defaultThreads) cores")
            #if DEBUG
            Terminal.line("warning: this is a debug build; run `swift run -c release nasreach bench` for real figures")
            #endif

            let load = try measure { _ = try options.load() }
            report("load + validate \(source == SyntheticSource.input ? "synthetic" : "CSV")", seconds: load)
            let benchmark = try options.load()
            let fitness = benchmark.metrics.map(benchmark.fitness)

            let landscape = try measure { _ = LandscapeAnalysis.analyze(fitness, isomorphismClasses: benchmark.isomorphismClassesByCode) }
            report("landscape, all \(fitness.count) metrics", seconds: landscape)

            let operators = OperatorSet.generate(count: 1000, seed: 0)
            var alwaysOnly = SearchSettings.default
            alwaysOnly.acceptanceRules = [.always]
            alwaysOnly.thresholdPercentiles = []
            let exactExperiment = ImprovabilityExperiment(fitness: fitness[0], settings: alwaysOnly)
            var exactRows = 0
            let exact = try measure { exactRows = exactExperiment.fixedLengthRows(for: operators).count }
            report("exact fixed-length rows, always, 1,000 operators", rate: Double(exactRows) / exact, unit: "operator·L·group rows/s", target: "≥ 1,000,000")

            try monteCarloTable(operators: operators, fitness: fitness[0])

            let study = AnalysisRun(benchmark: benchmark, configuration: .default, seed: 0, threads: Parallel.defaultThreads,
                                    version: NASReach.version, generatedAt: "bench")
            let algorithms = try measure { _ = study.searchAlgorithms(fitness) }
            let budget = Configuration.default.searchAlgorithms
            report("search algorithms, 5 × \(fitness.count) metrics × \(budget.runs) runs", seconds: algorithms)

            var output: AnalysisOutput?
            let stages = ProgressReporter(quiet: true)
            let analysisTime = try measure(runs: 1) {
                output = AnalysisRun(benchmark: benchmark, configuration: .default, seed: 0, threads: Parallel.defaultThreads,
                                     version: NASReach.version, generatedAt: "bench").run { stage, done, total in
                    stages.update(.analysis(stage), done: done, total: total)
                }
            }
            report("analysis, default configuration (1 run)", seconds: analysisTime)
            stages.begin(.writingResults)  // closes the last analysis stage
            if let experiments = stages.timings.first(where: { $0.stage == .analysis(.experiments) }) {
                report("analysis: experiments stage (target ≤ 15 s)", seconds: experiments.seconds)
            }
            if let records = output?.records, !records.isEmpty {
                let exact = records.count { $0.method == .exact }
                line("exact rows of tables/improvability.csv", String(format: "%10.1f %%", 100 * Double(exact) / Double(records.count))
                     + " (\(exact) of \(records.count); target ≥ 45 %)")
            }
            let threads = Parallel.defaultThreads, configuration = Configuration.default
            let records = output!.records
            let runner = HypothesisRunner(configuration, seed: 0)
            let tests = try measure(runs: min(runs, 3)) { _ = runner.run(records, threads: threads) }
            report("hypotheses stage: Kendall tests + Holm + bootstrap", seconds: tests)
            let reliabilities = runner.run(records, threads: threads).compactMap(\.reliability)
            if let lowest = reliabilities.min() {
                line("lowest reliability of a Monte Carlo setting", String(format: "%10.3f", lowest)
                     + " (of \(reliabilities.count) tests; target ≥ \(configuration.monteCarlo.reliability))")
            }
            let optimal = try measure(runs: min(runs, 3)) {
                _ = OptimalReach.estimate(records, replicates: configuration.bootstrapReplicates, confidence: configuration.confidence,
                                          seed: 0, threads: threads)
            }
            report("hypotheses stage: optimal reach curves + bootstrap", seconds: optimal)
            var spectralNulls: [String: PermutationNull] = [:], subsetNulls: [String: ExperimentNull] = [:]
            let nulls = try measure(runs: min(runs, 3)) {
                for (metric, f) in zip(benchmark.metrics, fitness) {
                    spectralNulls[metric.id] = PermutationNull(fitness: f, operators: operators, pathLengths: configuration.pathLengths,
                                                               replicates: configuration.nullReplicates, seed: 0, threads: threads)
                }
            }
            report("nulls, spectral: \(configuration.nullReplicates) permutations × \(fitness.count) metrics", seconds: nulls)
            let settings = configuration.searchSettings(seed: 0, threads: threads)
            let subset = try measure(runs: min(runs, 3)) {
                for (metric, f) in zip(benchmark.metrics, fitness) {
                    subsetNulls[metric.id] = ExperimentNull(fitness: f, operators: operators, subsetSize: configuration.nullSubsetOperators,
                                                            settings: settings, replicates: configuration.nullSubsetReplicates,
                                                            alwaysReplicates: configuration.nullReplicates, seed: 0,
                                                            threads: threads)
                }
            }
            report("nulls, subset: \(configuration.nullSubsetReplicates) perm. (always θ: \(configuration.nullReplicates)) × \(configuration.nullSubsetOperators) ops × \(fitness.count) metrics", seconds: subset)
            let stage = try measure(runs: min(runs, 3)) {
                _ = AnalysisOutput(results: output!.results, records: records, cells: [], nulls: spectralNulls,
                                   experimentNulls: subsetNulls).completed(threads: threads)
            }
            report("hypotheses stage, whole (as analyze runs it)", seconds: stage)
            var figureFiles: [String: [UInt8]] = [:]
            let figures = try measure(runs: min(runs, 3)) {
                figureFiles = try FigureSet.render(output!, threads: Parallel.defaultThreads, sourceDateEpoch: 0)
            }
            report("figures, whole set (PNG + SVG + PDF + data)", seconds: figures)
            let siteFolder = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-bench-site-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: siteFolder) }
            let site = try measure(runs: min(runs, 3)) {
                try ReportBuilder.write(output: output!, figureFiles: figureFiles, threads: Parallel.defaultThreads, to: siteFolder)
            }
            report("site: pages, tables, downloads, check", seconds: site)
            // As `render` runs them: the downloads are prepared while the figures are drawn.
            let both = try measure(runs: min(runs, 3)) {
                try ReportBuilder.render(output: output!, sourceDateEpoch: 0, threads: Parallel.defaultThreads, to: siteFolder)
            }
            line("figures + site (target ≤ 3 s)", String(format: "%10.3f s", both)
                 + " (one after the other: " + String(format: "%.3f s", figures + site) + "; site \(FolderSize(of: siteFolder).description); target ≤ 25 MB)")
            output = nil  // the peak memory below is then that of one report, not of two analyses at once
            if !skipReport {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-bench-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                let full = try measure(runs: 1) {
                    let run = AnalysisRun(benchmark: try options.load(), configuration: .default, seed: 0, threads: Parallel.defaultThreads,
                                          version: NASReach.version, generatedAt: "bench").run()
                    try ReportBuilder.render(output: run, sourceDateEpoch: 0, threads: Parallel.defaultThreads, to: folder)
                }
                report("full report, end to end (1 run)", seconds: full)
            }
            if let archive {
                let file = try measure { try NATSArchiveSource.readArchitecture(path: archive, index: 0) }
                report("NATS archive, one architecture file (incl. its meta file)", seconds: file)
                report("NATS archive, estimated full read (\(Parallel.defaultThreads) threads)",
                       seconds: file * Double(Cell.count) / Double(Parallel.defaultThreads))
            }
            line("peak memory (resident)", String(format: "%10.0f MB", PeakMemory.megabytes))
        }
    }

    /// Monte Carlo steps per second of one core for the first operator of every family under every rule of
    /// the default configuration, as one table: four walks of `steps` / 4 steps each, in lockstep as the
    /// experiments walk them (`MonteCarloWalker.walks`).
    func monteCarloTable(operators: [SearchOperator], fitness: FitnessFunction) throws {
        let steps = 10_000_000, rules = SearchSettings.default.acceptanceRules
        var rows: [[String]] = [], slowest = Double.infinity
        for family in OperatorFamily.allCases {
            guard let op = operators.first(where: { $0.family == family }) else { continue }
            var row = [family.rawValue]
            for rule in rules {
                let walker = MonteCarloWalker(operator: op, rule: rule, fitness: fitness)
                // CPU time of this thread, not wall time: steps per second of one core stay what they are
                // when other processes share the machine.
                let seconds = try measure(clock: .thread) {
                    var generators = (0..<4).map { SeededGenerator(seed: 0, stream: UInt64($0)) }
                    _ = walker.walks(from: [0, 0, 0, 0], generators: &generators, pathLengths: [steps / 4], recording: .outcome)
                }
                slowest = min(slowest, Double(steps) / seconds)
                row.append(String(format: "%.1f", Double(steps) / seconds / 1e6))
            }
            rows.append(row)
        }
        Terminal.line("Monte Carlo, million steps/s/core (4 walks in lockstep, \(steps / 1_000_000) M steps in all; target ≥ 50 each):")
        for text in TextTable(header: ["family"] + rules.map(\.label), rows: rows).lines { Terminal.line("  " + text) }
        report("Monte Carlo steps, slowest family × rule", rate: slowest, unit: "steps/s/core", target: "≥ 50,000,000")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    enum Timer {
        case wall
        /// The calling thread's CPU time.
        case thread

        var now: Double {
            switch self {
            case .wall: return Bench.seconds(ContinuousClock.now - Bench.origin)
            case .thread:
                var time = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
                return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
            }
        }
    }

    static let origin = ContinuousClock.now

    /// Median time of `runs` calls (wall time unless `clock` says otherwise).
    func measure(runs: Int? = nil, clock: Timer = .wall, _ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<(runs ?? self.runs) {
            let start = clock.now
            try body()
            times.append(clock.now - start)
        }
        return Descriptive.median(times)
    }

    func report(_ name: String, seconds: Double) {
        line(name, String(format: "%10.3f s", seconds))
    }

    func report(_ name: String, rate: Double, unit: String, target: String) {
        line(name, String(format: "%14.0f", rate) + " \(unit) (target \(target))")
    }

    func line(_ name: String, _ value: String) {
        Terminal.line(name.padding(toLength: 52, withPad: " ", startingAt: 0) + value)
    }
}

/// The process's peak resident memory.
enum PeakMemory {
    static var megabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }
}
