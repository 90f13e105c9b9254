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
    var correlationLength: Double?
    var autocorrelationLag1: Double?
    var numNeutralNetworks: Int
    var maxNeutralNetworkSize: Int
    var numWeakBasins: Int
    var avgWeakBasinSize: Double?
    var weakBasinExtent: Int
    var numStrongBasins: Int
    var strongBasinExtent: Int

    init(metric: String, _ summary: LandscapeSummary) {
        self.metric = metric
        maxFitness = summary.maxFitness
        globalMaxIndex = summary.globalMaxIndex
        numLocalMaxima = summary.numLocalMaxima
        fdc = summary.fdc
        fdcSpearman = summary.fdcSpearman
        fdcKendall = summary.fdcKendall
        correlationLength = summary.correlationLength
        autocorrelationLag1 = summary.autocorrelation?.first
        numNeutralNetworks = summary.numNeutralNetworks
        maxNeutralNetworkSize = summary.maxNeutralNetworkSize
        numWeakBasins = summary.numWeakBasins
        avgWeakBasinSize = summary.avgWeakBasinSize
        weakBasinExtent = summary.weakBasinExtent
        numStrongBasins = summary.numStrongBasins
        strongBasinExtent = summary.strongBasinExtent
    }
}
