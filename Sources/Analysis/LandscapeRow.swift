import Landscape

/// One row of `tables/landscape.csv`: a metric's scalar locality measures (the lists stay in
/// `results.json`).
struct LandscapeRow: Codable {
    var metric: String
    var maxFitness: Double
    var globalMaxIndex: Int
    var numLocalMaxima: Int
    var fdc: Double?
    var fdcSpearman: Double?
    var fdcKendall: Double?
    var exactCorrelationLength: Double?
    var autocorrelationLag1: Double?
    var numNeutralNetworks: Int
    var maxNeutralNetworkSize: Int
    var numWeakBasins: Int
    var avgWeakBasinSizeWithMaximum: Double?
    var weakBasinMaxEditDistance: Int
    var numStrongBasins: Int
    var strongBasinMaxEditDistance: Int

    init(metric: String, _ summary: LandscapeSummary) {
        self.metric = metric
        maxFitness = summary.maxFitness
        globalMaxIndex = summary.globalMaxIndex
        numLocalMaxima = summary.numLocalMaxima
        fdc = summary.fdc
        fdcSpearman = summary.fdcSpearman
        fdcKendall = summary.fdcKendall
        exactCorrelationLength = summary.exactCorrelationLength
        autocorrelationLag1 = summary.autocorrelation?.first
        numNeutralNetworks = summary.numNeutralNetworks
        maxNeutralNetworkSize = summary.maxNeutralNetworkSize
        numWeakBasins = summary.numWeakBasins
        avgWeakBasinSizeWithMaximum = summary.avgWeakBasinSizeWithMaximum
        weakBasinMaxEditDistance = summary.weakBasinMaxEditDistance
        numStrongBasins = summary.numStrongBasins
        strongBasinMaxEditDistance = summary.strongBasinMaxEditDistance
    }
}
