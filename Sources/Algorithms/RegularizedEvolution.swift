import SearchSpace

/// Regularized (aging) evolution (Real et al. 2019, "Regularized evolution for image classifier
/// architecture search"), with the settings of the NATS-Bench protocol (Dong et al. 2021): population 10,
/// tournament sample 3, drawn with replacement as in both reference implementations; the child is a
/// k-edit(1) mutation (one uniformly chosen edge to a uniformly chosen different operation) of the
/// tournament winner (highest fitness, ties to the lower API index); the child joins the population and
/// the oldest member leaves. The initial population is `populationSize` uniformly drawn cells.
///
/// An iteration is one child; it moves from the tournament winner (parent) to the child, so its reach is
/// exactly 1 and its improvability is f(child) − f(parent).
///
/// Termination: aging keeps the population moving, but nothing forces it to query new cells, so after
/// `patience` iterations in a row without a new query the population is replaced by freshly drawn
/// unqueried cells (a restart, counted in the run). Every restart adds queries, so a run ends.
public struct RegularizedEvolution: SearchAlgorithm {
    public let populationSize: Int
    public let sampleSize: Int
    public let patience: Int

    public init(populationSize: Int = 10, sampleSize: Int = 3, patience: Int = 100) {
        precondition(populationSize > 0 && sampleSize > 0 && patience > 0)
        self.populationSize = populationSize
        self.sampleSize = sampleSize
        self.patience = patience
    }

    public var id: AlgorithmID { .regularizedEvolution }
    public var parameters: [String: Double] {
        ["populationSize": Double(populationSize), "sampleSize": Double(sampleSize), "patience": Double(patience)]
    }

    public func search(_ run: inout SearchRun) {
        var population = AgingPopulation(capacity: populationSize)
        for _ in 0..<populationSize {
            let cell = run.start()
            population.insert(cell)
            if run.isFinished { return }
        }
        while true {
            if run.isStagnant(patience: patience) {
                for member in 0..<populationSize {
                    // One restart per population renewal; the other members are fresh cells, not restarts.
                    let cell: Int
                    if member == 0 {
                        cell = run.restart()
                    } else {
                        cell = run.uniformUnqueriedCell()
                        _ = run.query(cell)
                    }
                    population.insert(cell)
                    if run.isFinished { return }
                }
            }
            evolve(&population, run: &run)
            if run.isFinished { return }
        }
    }

    /// One iteration: tournament, mutation, aging. Returns the parent and the child.
    @discardableResult
    func evolve(_ population: inout AgingPopulation, run: inout SearchRun) -> (parent: Int, child: Int) {
        let fitness = run.landscape.fitness
        var parent = population[run.generator.nextInt(below: population.count)]
        for _ in 1..<sampleSize {
            let candidate = population[run.generator.nextInt(below: population.count)]
            if fitness.ranksAbove(candidate, parent) { parent = candidate }
        }
        let child = run.landscape.neighbours[parent, run.generator.nextInt(below: NeighbourTable.degree)]
        _ = run.query(child)
        population.insert(child)
        run.completeIteration(from: parent, to: child)
        return (parent, child)
    }
}

/// A fixed-size population in age order: inserting into a full population removes the oldest member.
struct AgingPopulation {
    let capacity: Int
    private var members: [Int] = []
    /// Index of the oldest member once the population is full.
    private var oldest = 0

    init(capacity: Int) {
        self.capacity = capacity
        members.reserveCapacity(capacity)
    }

    var count: Int { members.count }

    /// Members by slot (not by age).
    subscript(slot: Int) -> Int { members[slot] }

    /// Members from oldest to youngest.
    var byAge: [Int] { Array(members[oldest...] + members[..<oldest]) }

    mutating func insert(_ cell: Int) {
        guard members.count == capacity else { return members.append(cell) }
        members[oldest] = cell
        oldest = oldest + 1 == capacity ? 0 : oldest + 1
    }
}
