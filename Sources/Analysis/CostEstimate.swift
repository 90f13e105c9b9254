import Foundation

/// A rough estimate of a run's time and peak memory from its configuration and the machine, made before
/// any heavy work so that an absurd configuration (e.g. `operatorCount: 100000000`, `pathLengths:
/// [1000000000]`) is refused in a moment instead of exhausting memory or running for ever.
///
/// The model counts the work that dominates a run — Monte Carlo walk steps (walks × longest path length,
/// hitting walks × cap), the steps of the sphere-sum chain (`exactChainMaxLength`), exact rows (a pass over the 15,625 cells per row), bootstrap replicates of the
/// Kendall tests, and the landscape walks — and the memory that grows with the configuration: the operator
/// set and the improvability rows (with their decile rows and CSV text). The constants are deliberately
/// generous per-unit costs measured on a 2-core machine; the estimate is meant to be right within an order of
/// magnitude, which is all a guard needs.
public struct CostEstimate: Sendable, Equatable {
    /// The machine the run would use.
    public struct Machine: Sendable, Equatable {
        public var cores: Int
        public var physicalMemory: Double

        public init(cores: Int, physicalMemory: Double) {
            self.cores = max(1, cores)
            self.physicalMemory = physicalMemory
        }

        public static var current: Machine {
            Machine(cores: ProcessInfo.processInfo.activeProcessorCount, physicalMemory: Double(ProcessInfo.processInfo.physicalMemory))
        }
    }

    /// Wall-clock seconds on `threads` workers.
    public let seconds: Double
    /// Peak resident bytes.
    public let bytes: Double
    public let machine: Machine
    public let threads: Int
    /// Improvability rows the run would write.
    public let rows: Double

    // Per-unit costs (seconds, bytes).
    static let secondsPerWalkStep = 60e-9
    static let secondsPerExactCell = 4e-9
    /// One step of the sphere-sum chain for the large-k k-edit operators (their eight vectors through 64 edge
    /// sets; about 15 ms on 2 cores), per metric and fitness-dependent rule.
    static let secondsPerChainStep = 40e-3
    static let secondsPerKendallPair = 25e-9
    static let baseSeconds = 5.0
    static let baseBytes = 300e6
    static let bytesPerOperator = 2_000.0
    static let bytesPerRow = 1_500.0
    static let startGroups = 3.0
    static let cells = 15_625.0
    /// Walks per group the pilot chooses for reliability 0.9 (about this many on the real CSV), and the
    /// factor the censored walks' growing cap adds to the hitting walks' steps.
    static let walksAtReliability90 = 128.0
    static let hittingCapGrowth = 4.0

    /// The walks per group a reliability target needs: the needed walks grow with r/(1 − r).
    static func expectedWalks(_ budget: Configuration.MonteCarloBudget) -> Double {
        let odds = budget.reliability / (1 - budget.reliability)
        return min(max(walksAtReliability90 * odds / 9, Double(budget.minimumWalks)), Double(budget.maximumWalks))
    }

    /// Refused above this many seconds (about a day) unless forced.
    public static let maximumSeconds = 86_400.0

    public init(configuration c: Configuration, metrics: Int, threads: Int, machine: Machine = .current) {
        self.machine = machine
        self.threads = max(1, min(threads, machine.cores))
        let m = Double(max(metrics, 1)), ops = Double(max(c.operatorCount, 0)), rules = Double(c.acceptanceRules.count)
        let settings = Double(c.pathLengths.count + c.thresholdPercentiles.count)
        let perOperatorRule = m * rules
        let budget = c.monteCarlo
        // Monte Carlo steps: fixed-length walks (one walk of max L serves every L) and hitting walks, from
        // every start group; the walks are what the pilot would choose for the target, within its bounds.
        let walkSteps = Self.startGroups * Self.expectedWalks(budget) * Double(c.pathLengths.max() ?? 0)
        let hittingSteps = Self.startGroups * Double(c.thresholdPercentiles.count) * Double(budget.hittingWalks)
            * Double(budget.hittingTimeCap) * Self.hittingCapGrowth
        let rows = perOperatorRule * ops * settings * Self.startGroups
        let exactCells = rows * Self.cells
        // Each Kendall test (per metric, rule, setting, group) has bootstrap replicates over the operators.
        let kendall = perOperatorRule * settings * Self.startGroups * Double(c.bootstrapReplicates + 1) * ops * max(1, log2(max(ops, 2)))
        let landscape = m * Double(c.landscapeWalks) * Double(c.landscapeWalkLength)
        let chainSteps = min(c.pathLengths.max() ?? 0, budget.exactChainMaxLength)
        let chain = m * Double(c.acceptanceRules.count { $0.isFitnessDependent }) * Double(chainSteps > 2 ? chainSteps : 0)
        let work = perOperatorRule * ops * (walkSteps + hittingSteps) * Self.secondsPerWalkStep + chain * Self.secondsPerChainStep
            + exactCells * Self.secondsPerExactCell + kendall * Self.secondsPerKendallPair + landscape * Self.secondsPerWalkStep
        seconds = Self.baseSeconds + work / Double(self.threads)
        self.rows = rows
        bytes = Self.baseBytes + ops * Self.bytesPerOperator + rows * Self.bytesPerRow
    }

    /// Why the run is out of proportion to the machine, naming the setting to lower; nil when it is not.
    public func refusal(configuration: Configuration, metrics: Int) -> String? {
        let tooMuchMemory = bytes > machine.physicalMemory
        let tooLong = seconds > Self.maximumSeconds
        guard tooMuchMemory || tooLong else { return nil }
        let setting = Self.dominantSetting(configuration, metrics: metrics, threads: threads, machine: machine, memory: tooMuchMemory)
        let what = tooMuchMemory
            ? "needs about \(Self.bytesText(bytes)) of memory, more than this machine's \(Self.bytesText(machine.physicalMemory))"
            : "would take about \(Self.durationText(seconds)) on \(threads) thread\(threads == 1 ? "" : "s") (the limit is a day)"
        return "the configuration \(what): lower '\(setting)' (\(Self.describe(setting, configuration))), or pass --force to run it anyway"
    }

    /// The setting whose reset to its default lowers the refused quantity most.
    static func dominantSetting(_ c: Configuration, metrics: Int, threads: Int, machine: Machine, memory: Bool) -> String {
        let defaults = Configuration()
        var candidates: [(String, Configuration)] = []
        func reset(_ name: String, _ change: (inout Configuration) -> Void) {
            var copy = c
            change(&copy)
            if copy != c { candidates.append((name, copy)) }
        }
        reset("operatorCount") { $0.operatorCount = defaults.operatorCount }
        reset("pathLengths") { $0.pathLengths = defaults.pathLengths }
        reset("thresholdPercentiles") { $0.thresholdPercentiles = defaults.thresholdPercentiles }
        reset("acceptanceRules") { $0.acceptanceRules = defaults.acceptanceRules }
        reset("bootstrapReplicates") { $0.bootstrapReplicates = defaults.bootstrapReplicates }
        reset("landscapeWalks") { $0.landscapeWalks = defaults.landscapeWalks }
        reset("landscapeWalkLength") { $0.landscapeWalkLength = defaults.landscapeWalkLength }
        reset("monteCarlo.reliability") { $0.monteCarlo.reliability = defaults.monteCarlo.reliability }
        reset("monteCarlo.minimumWalks") { $0.monteCarlo.minimumWalks = defaults.monteCarlo.minimumWalks }
        reset("monteCarlo.maximumWalks") { $0.monteCarlo.maximumWalks = defaults.monteCarlo.maximumWalks }
        reset("monteCarlo.hittingWalks") { $0.monteCarlo.hittingWalks = defaults.monteCarlo.hittingWalks }
        reset("monteCarlo.hittingTimeCap") { $0.monteCarlo.hittingTimeCap = defaults.monteCarlo.hittingTimeCap }
        reset("monteCarlo.exactChainMaxLength") { $0.monteCarlo.exactChainMaxLength = defaults.monteCarlo.exactChainMaxLength }
        func cost(_ configuration: Configuration) -> Double {
            let estimate = CostEstimate(configuration: configuration, metrics: metrics, threads: threads, machine: machine)
            return memory ? estimate.bytes : estimate.seconds
        }
        return candidates.min { cost($0.1) < cost($1.1) }?.0 ?? "operatorCount"
    }

    static func describe(_ setting: String, _ c: Configuration) -> String {
        switch setting {
        case "operatorCount": "now \(c.operatorCount), default \(Configuration().operatorCount)"
        case "pathLengths": "now up to \(c.pathLengths.max() ?? 0), default up to \(Configuration().pathLengths.max() ?? 0)"
        default: "see the README for its default"
        }
    }

    /// The estimate for people: `about 2 min and 350 MB on 2 of 2 cores (machine memory 7.8 GB)`.
    public var summary: String {
        "estimated \(Self.durationText(seconds)) and \(Self.bytesText(bytes)) peak memory on \(threads) of \(machine.cores) cores "
            + "(machine memory \(Self.bytesText(machine.physicalMemory)); \(Self.countText(rows)) improvability rows)"
    }

    static func durationText(_ seconds: Double) -> String {
        switch seconds {
        case ..<90: return "\(Int(seconds.rounded())) s"
        case ..<5_400: return "\(Int((seconds / 60).rounded())) min"
        case ..<172_800: return "\(Int((seconds / 3_600).rounded())) h"
        case ..<(365 * 86_400.0): return "\(Int((seconds / 86_400).rounded())) days"
        default: return String(format: "%.1g years", seconds / (365 * 86_400))
        }
    }

    static func bytesText(_ bytes: Double) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes, unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if value >= 1000 { return String(format: "%.1e B", bytes) }
        return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }

    static func countText(_ count: Double) -> String { count < 1e6 ? "\(Int(count))" : String(format: "%.2g", count) }
}
