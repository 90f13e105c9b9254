import Landscape

/// The scalar locality metrics as columns of `tables/landscape.csv`.
enum LandscapeColumns {
    static let names = ["maxFitness", "globalMaxIndex", "numLocalMaxima", "fdc", "fdcSpearman", "fdcKendall",
                        "correlationLength", "autocorrelationLag1", "numNeutralNetworks", "maxNeutralNetworkSize",
                        "numWeakBasins", "avgWeakBasinSize", "weakBasinExtent", "numStrongBasins", "strongBasinExtent"]

    static func fields(of summary: LandscapeSummary) -> [String] {
        [CSVText.number(summary.maxFitness), "\(summary.globalMaxIndex)", "\(summary.numLocalMaxima)",
         CSVText.number(summary.fdc), CSVText.number(summary.fdcSpearman), CSVText.number(summary.fdcKendall),
         CSVText.number(summary.correlationLength), CSVText.number(summary.autocorrelation?.first),
         "\(summary.numNeutralNetworks)", "\(summary.maxNeutralNetworkSize)", "\(summary.numWeakBasins)",
         CSVText.number(summary.avgWeakBasinSize), "\(summary.weakBasinExtent)", "\(summary.numStrongBasins)",
         "\(summary.strongBasinExtent)"]
    }
}
