/// The stable name of a search algorithm, as `results.json` spells it (`searchAlgorithms[].algorithm`).
public enum AlgorithmID: String, CaseIterable, Sendable, Codable, Hashable {
    case randomSearch = "random-search"
    case localSearch = "local-search"
    case regularizedEvolution = "regularized-evolution"
    case simulatedAnnealing = "simulated-annealing"
    case onePlusLambdaEA = "one-plus-lambda-ea"
}
