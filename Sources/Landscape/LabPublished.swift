import Foundation

/// The values the lab published for its fitness-landscape study of the NATS-Bench topology space:
/// Tao & Bang (2024), EXPLAINS 2024, doi 10.5220/0012892400003886 (code and saved outputs in the public
/// repository v-tao/nats-bench-landscape). Copied verbatim from the project's reference file
/// `reference/tao-bang-2024.json` so that a report can set them beside nasreach's values without that file.
/// These are the lab's own published numbers (statistics only, p-values omitted), not NATS-Bench data.
/// Field names are the lab's; metric keys are the lab's CSV column names.
public enum LabPublished {
    /// The three metrics of the published study, by the lab's column name: test accuracy at 200 epochs.
    public static let columns = ["CIFAR10TestAccuracy200Epochs", "CIFAR100TestAccuracy200Epochs", "ImageNetTestAccuracy200Epochs"]
    /// The same metrics as (dataset, split) in NATS-Bench's own naming.
    public static let datasetSplits = [("cifar10", "ori-test"), ("cifar100", "x-test"), ("ImageNet16-120", "x-test")]

    /// Published values by column name.
    public static let values: [String: LabCompatibleLandscape] = {
        struct Reference: Decodable { let metrics: [String: LabCompatibleLandscape] }
        // The reference file is valid JSON; a failure here is a programming error caught by the tests.
        return try! JSONDecoder().decode(Reference.self, from: Data(referenceJSON.utf8)).metrics
    }()

    /// The published study's column for a metric, when it is one of the three: by column name, or by dataset,
    /// split and 200 epochs.
    public static func column(column: String, dataset: String, split: String, epochs: Int?) -> String? {
        if columns.contains(column) { return column }
        guard epochs == 200, let position = datasetSplits.firstIndex(where: { $0 == (dataset, split) }) else { return nil }
        return columns[position]
    }

    /// reference/tao-bang-2024.json, verbatim.
    static let referenceJSON = #"""
{
 "source": "Tao & Bang (2024), the lab's earlier fitness-landscape study of the NATS-Bench topology space (EXPLAINS 2024, doi 10.5220/0012892400003886; code and saved outputs in the public repository v-tao/nats-bench-landscape). Computed there from the same nats_bench.csv test accuracies (200 epochs) with 1-edit neighbourhoods.",
 "note": "Published values, copied as numbers for side-by-side comparison. Field names are the lab's. A value is the statistic only (p-values omitted). correlationLength is the lab's Monte Carlo estimate (200 walks of length 100, classic per-walk estimator).",
 "metrics": {
  "CIFAR10TestAccuracy200Epochs": {
   "maxFitness": 94.37333333,
   "avgFitnessDiffFromMax": -7.310402453,
   "FDC": -0.2198936349,
   "spearmanr": -0.4144124921,
   "kendalltau": -0.32004858,
   "numLocalMaxima": 17.0,
   "modality": 0.001088,
   "localMaximaPearsonr": -0.874124664,
   "localMaximaSpearmanr": -0.8649738057,
   "localMaximaKendallTau": -0.722332104,
   "numWeakBasins": 17.0,
   "avgWeakBasinSize": 13122.05882,
   "weakBasinExtent": 0.998912,
   "fitnessWeakBasinSizePearsonr": 0.9845890193,
   "globalMaxWeakBasinExtent": 0.994816,
   "numStrongBasins": 4.0,
   "avgStrongBasinSize": 10.0,
   "strongBasinExtent": 0.00256,
   "globalMaxStrongBasinExtent": 0.00032,
   "numNeutralNets": 249.0,
   "avgNeutralNetSize": 3.409638554,
   "maxNeutralNetSize": 341.0,
   "largestNeutralNetFitness": 10.0,
   "largestNeutralNetUniquePhenotypes": 5.0,
   "largestNeutralNetUniqueNeighborGenotypes": 2868.0,
   "largestNeutralNetUniqueNeighborPhenotypes": 513.0,
   "largestNeutralNetMaxEditDistance": 6.0,
   "largestNeutralNetAvgEditDistance": 4.803070554,
   "largestNeutralNetPercolationIndex": 1707.0,
   "correlationLength": 1.531173102
  },
  "CIFAR100TestAccuracy200Epochs": {
   "maxFitness": 73.51333326,
   "avgFitnessDiffFromMax": -12.10782843,
   "FDC": -0.3089504697,
   "spearmanr": -0.4666351601,
   "kendalltau": -0.363018017,
   "numLocalMaxima": 24.0,
   "modality": 0.001536,
   "localMaximaPearsonr": -0.8224664636,
   "localMaximaSpearmanr": -0.7916054698,
   "localMaximaKendallTau": -0.6844750774,
   "numWeakBasins": 24.0,
   "avgWeakBasinSize": 13245.08333,
   "weakBasinExtent": 0.998464,
   "fitnessWeakBasinSizePearsonr": 0.9146098118,
   "globalMaxWeakBasinExtent": 0.997248,
   "numStrongBasins": 8.0,
   "avgStrongBasinSize": 7.875,
   "strongBasinExtent": 0.004032,
   "globalMaxStrongBasinExtent": 0.003264,
   "numNeutralNets": 35.0,
   "avgNeutralNetSize": 7.457142857,
   "maxNeutralNetSize": 63.0,
   "largestNeutralNetFitness": 0.9999999995,
   "largestNeutralNetUniquePhenotypes": 5.0,
   "largestNeutralNetUniqueNeighborGenotypes": 917.0,
   "largestNeutralNetUniqueNeighborPhenotypes": 177.0,
   "largestNeutralNetMaxEditDistance": 6.0,
   "largestNeutralNetAvgEditDistance": 4.824884793,
   "largestNeutralNetPercolationIndex": 690.0,
   "correlationLength": 1.714817833
  },
  "ImageNetTestAccuracy200Epochs": {
   "maxFitness": 47.31111106,
   "avgFitnessDiffFromMax": -13.7247175,
   "FDC": -0.316252822,
   "spearmanr": -0.3269990563,
   "kendalltau": -0.2502206271,
   "numLocalMaxima": 36.0,
   "modality": 0.002304,
   "localMaximaPearsonr": -0.6171823058,
   "localMaximaSpearmanr": -0.631056593,
   "localMaximaKendallTau": -0.5050056148,
   "numWeakBasins": 36.0,
   "avgWeakBasinSize": 14337.80556,
   "weakBasinExtent": 0.997696,
   "fitnessWeakBasinSizePearsonr": 0.9818703643,
   "globalMaxWeakBasinExtent": 0.994432,
   "numStrongBasins": 14.0,
   "avgStrongBasinSize": 2.285714286,
   "strongBasinExtent": 0.002048,
   "globalMaxStrongBasinExtent": 6.4e-05,
   "numNeutralNets": 46.0,
   "avgNeutralNetSize": 5.413043478,
   "maxNeutralNetSize": 67.0,
   "largestNeutralNetFitness": 0.8333333325,
   "largestNeutralNetUniquePhenotypes": 5.0,
   "largestNeutralNetUniqueNeighborGenotypes": 974.0,
   "largestNeutralNetUniqueNeighborPhenotypes": 182.0,
   "largestNeutralNetMaxEditDistance": 6.0,
   "largestNeutralNetAvgEditDistance": 4.831750339,
   "largestNeutralNetPercolationIndex": 745.0,
   "correlationLength": 2.229774557
  }
 }
}
"""#
}
