import Foundation
import Support

/// Progress on stderr: one redrawn bar with counts and ETA on a terminal, plain lines otherwise (the stage,
/// then its counts and ETA at each quarter), nothing with `--quiet`. Also collects the wall time of each
/// stage for the summary at the end of a run.
/// Sources may report from worker threads, so every entry point takes the lock.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    enum Mode { case bar, lines, quiet }

    private let mode: Mode
    private let clock = ContinuousClock()
    private var stageStart: ContinuousClock.Instant
    private var currentStage: RunStage?
    private var lastDraw: ContinuousClock.Instant
    private var lastLineQuarter = -1
    private(set) var timings: [(stage: RunStage, seconds: Double)] = []

    init(quiet: Bool) {
        mode = quiet ? .quiet : (Terminal.stderrIsTerminal ? .bar : .lines)
        stageStart = clock.now
        lastDraw = clock.now
    }

    /// Records progress of `stage`; a new stage name closes the previous one.
    func update(_ stage: RunStage, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if stage != currentStage { startStage(stage) }
        let now = clock.now
        // A stage without a unit has nothing to count: its start line and its time in the summary say it all.
        guard let unit = stage.unit, total > 0 else { return }
        let fraction = Double(done) / Double(total)
        let elapsed = seconds(now - stageStart)
        let eta = fraction > 0 && fraction < 1 ? ", ETA \(Self.duration(elapsed / fraction - elapsed))" : ""
        let counts = "\(NumberFormat.integer(done)) of \(NumberFormat.integer(total)) \(unit)"
        switch mode {
        case .quiet:
            break
        case .bar:
            guard done == total || now - lastDraw > .milliseconds(100) else { return }
            lastDraw = now
            let width = 24, filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            Terminal.errorRaw("\r\u{1B}[2K\(stage.title) [\(bar)] \(counts)\(eta)")
        case .lines:
            // A line each time a quarter is crossed, showing the percentage actually done there.
            let quarter = Int(fraction * 4)
            guard quarter != lastLineQuarter, done > 0 else { return }
            lastLineQuarter = quarter
            Terminal.error("  \(counts) (\(Self.percent(done: done, total: total))%\(eta))")
        }
    }

    /// Starts a stage that reports no counts.
    func begin(_ stage: RunStage) {
        lock.lock()
        defer { lock.unlock() }
        startStage(stage)
    }

    private func startStage(_ stage: RunStage) {
        closeStage()
        currentStage = stage
        stageStart = clock.now
        lastLineQuarter = -1
        if mode == .lines { Terminal.error("\(stage.title)…") }
    }

    /// Closes the current stage and records its time.
    private func closeStage() {
        guard let stage = currentStage else { return }
        timings.append((stage, seconds(clock.now - stageStart)))
        if mode == .bar { Terminal.errorRaw("\r\u{1B}[2K") }
        currentStage = nil
    }

    /// The stage timings, one line each, then the total.
    func summary() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        closeStage()
        let total = timings.reduce(0) { $0 + $1.seconds }
        let width = (timings.map(\.stage.title.count).max() ?? 5)
        return timings.map { "  \($0.stage.title.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.duration($0.seconds))" }
            + ["  \("total".padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.duration(total))"]
    }

    var isQuiet: Bool { mode == .quiet }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Whole percent done, rounded down so that 100 means finished.
    static func percent(done: Int, total: Int) -> Int { done * 100 / total }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }
}
