import SearchSpace
import Statistics

/// The bookkeeping of one run: the query cache, the stopping rule and what is measured.
///
/// A run is in one of two modes:
/// - *until the global maximum* (fixed budget and fixed target): initial cells are uniform, and the run
///   ends at the first query of a cell with the global maximum's fitness, so queries to the global
///   maximum are never censored;
/// - *from a start group* (reach and improvability): initial cells are drawn uniformly, with
///   replacement, from the group, and the run ends after the longest path length, whatever it found.
///
/// A query is the first evaluation of a cell in the run; re-evaluating a cached cell is free.
public struct SearchRun {
    public let landscape: SearchLandscape
    public var generator: SeededGenerator
    private var cache = QueryCache()
    /// Iterations completed, restarts taken, and iterations in a row that queried nothing new.
    public private(set) var iterations = 0
    public private(set) var restarts = 0
    private var stagnantIterations = 0
    private var queriesAtLastIteration = 0
    public private(set) var isFinished = false

    // Until the global maximum.
    private let budget: Int
    private let thresholds: [Double]
    private var best = -Double.infinity
    private(set) var bestSoFar: [Double] = []
    /// The query at which each target was first hit; 0 until then.
    private(set) var runtimes: [Int]

    // From a start group.
    private let startMembers: [Int]?
    private let checkpoints: [Int]
    private var nextCheckpoint = 0
    private var distanceMoved = 0
    private var fitnessGained = 0.0
    private(set) var distanceAtCheckpoints: [Int] = []
    private(set) var gainAtCheckpoints: [Double] = []

    /// A run that goes on until it queries the global maximum, recording best-so-far up to `budget` queries.
    init(untilGlobalMaximumOf landscape: SearchLandscape, budget: Int, generator: SeededGenerator) {
        self.landscape = landscape
        self.generator = generator
        self.budget = budget
        thresholds = landscape.targets.map(\.threshold)
        runtimes = [Int](repeating: 0, count: thresholds.count)
        bestSoFar.reserveCapacity(budget)
        startMembers = nil
        checkpoints = []
    }

    /// A run that starts in `group` and stops after `pathLengths.max()` iterations (ascending lengths).
    init(from group: StartCells, of landscape: SearchLandscape, pathLengths: [Int], generator: SeededGenerator) {
        precondition(!pathLengths.isEmpty && pathLengths == pathLengths.sorted() && pathLengths[0] > 0)
        self.landscape = landscape
        self.generator = generator
        budget = 0
        thresholds = []
        runtimes = []
        startMembers = group.members
        checkpoints = pathLengths
        distanceAtCheckpoints.reserveCapacity(pathLengths.count)
        gainAtCheckpoints.reserveCapacity(pathLengths.count)
    }

    /// Back to the state of a fresh run with another generator, keeping the allocations.
    mutating func reset(generator: SeededGenerator) {
        self.generator = generator
        cache.removeAll()
        iterations = 0
        restarts = 0
        stagnantIterations = 0
        queriesAtLastIteration = 0
        isFinished = false
        best = -.infinity
        bestSoFar.removeAll(keepingCapacity: true)
        for index in runtimes.indices { runtimes[index] = 0 }
        nextCheckpoint = 0
        distanceMoved = 0
        fitnessGained = 0
        distanceAtCheckpoints.removeAll(keepingCapacity: true)
        gainAtCheckpoints.removeAll(keepingCapacity: true)
    }

    /// Unique cells queried so far.
    public var queries: Int { cache.count }

    /// Evaluates `cell`, counting a query if the run has not seen it before.
    @inline(__always)
    public mutating func query(_ cell: Int) -> Double {
        let value = landscape.value(cell)
        if cache.insert(cell), startMembers == nil { recordNewQuery(value) }
        return value
    }

    private mutating func recordNewQuery(_ value: Double) {
        if value > best { best = value }
        let count = cache.count
        if count <= budget { bestSoFar.append(best) }
        for index in thresholds.indices where runtimes[index] == 0 && value >= thresholds[index] {
            runtimes[index] = count
        }
        if runtimes[0] != 0 { isFinished = true }
    }

    /// Queries a first cell: uniform among the unqueried cells, or, from a start group, uniform over the group.
    public mutating func start() -> Int {
        let cell = startMembers.map { $0[generator.nextInt(below: $0.count)] } ?? uniformUnqueriedCell()
        _ = query(cell)
        return cell
    }

    /// Queries a restart's cell: uniform among the unqueried cells, so every restart adds a query.
    public mutating func restart() -> Int {
        restarts &+= 1
        let cell = uniformUnqueriedCell()
        _ = query(cell)
        return cell
    }

    /// Uniform among the cells not yet queried (rejection: redraw while cached). A run that has queried
    /// every cell has queried the global maximum and is finished, so one always exists while it runs.
    public mutating func uniformUnqueriedCell() -> Int {
        precondition(cache.count < Cell.count, "every cell is queried")
        while true {
            let cell = generator.nextInt(below: Cell.count)
            if !cache.contains(cell) { return cell }
        }
    }

    /// Ends one iteration that moved the run's current cell (or, for a population, the parent) `from`
    /// to `to`.
    public mutating func completeIteration(from: Int, to: Int) {
        iterations &+= 1
        stagnantIterations = cache.count == queriesAtLastIteration ? stagnantIterations &+ 1 : 0
        queriesAtLastIteration = cache.count
        guard startMembers != nil else { return }
        distanceMoved &+= Cell(code: from).distance(to: Cell(code: to))
        fitnessGained += landscape.value(to) - landscape.value(from)
        if iterations == checkpoints[nextCheckpoint] {
            distanceAtCheckpoints.append(distanceMoved)
            gainAtCheckpoints.append(fitnessGained)
            nextCheckpoint += 1
            if nextCheckpoint == checkpoints.count { isFinished = true }
        }
    }

    /// A single-trajectory search from `start()`: each iteration moves to `step(&run, current)`, or to a
    /// restart after `patience` iterations in a row without a new query, until the run finishes. `step`
    /// returns nil when the run finished inside it.
    public mutating func followTrajectory(patience: Int, _ step: (inout SearchRun, Int) -> Int?) {
        var current = start()
        while !isFinished {
            let next: Int
            if isStagnant(patience: patience) {
                next = restart()
            } else {
                guard let moved = step(&self, current) else { return }
                next = moved
            }
            completeIteration(from: current, to: next)
            current = next
        }
    }

    /// True after `patience` iterations in a row that queried no new cell.
    public func isStagnant(patience: Int) -> Bool { stagnantIterations >= patience }

    /// What an until-the-global-maximum run measured; best-so-far is padded with the maximum up to
    /// `budget` when the run ended earlier.
    var record: RunRecord {
        var curve = bestSoFar
        while curve.count < budget { curve.append(landscape.maximumFitness) }
        return RunRecord(runtimes: runtimes, bestSoFar: curve, iterations: iterations, restarts: restarts)
    }

    /// What a from-a-start-group run measured.
    var startedRecord: StartedRunRecord {
        StartedRunRecord(distanceMoved: distanceAtCheckpoints, fitnessGained: gainAtCheckpoints)
    }
}

/// One run until the global maximum.
public struct RunRecord: Sendable, Equatable {
    /// Queries until each target (in `SearchLandscape.targets` order) was first hit.
    public let runtimes: [Int]
    /// Best fitness queried after 1, 2, …, budget queries.
    public let bestSoFar: [Double]
    public let iterations: Int
    public let restarts: Int
}

/// One run from a start group: total edit distance moved and fitness gained after each path length.
public struct StartedRunRecord: Sendable, Equatable {
    public let distanceMoved: [Int]
    public let fitnessGained: [Double]
}
