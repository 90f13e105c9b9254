/// Which CSV column names are metrics, and which (dataset, split) each names.
enum MetricColumns {
    /// The lab's export format; their "test" columns are the splits the official archive calls
    /// `ori-test` (CIFAR-10) and `x-test` (CIFAR-100, ImageNet16-120), at 200 epochs.
    static let labColumns: [String: (dataset: String, split: String)] = [
        "CIFAR10TestAccuracy200Epochs": ("cifar10", "ori-test"),
        "CIFAR100TestAccuracy200Epochs": ("cifar100", "x-test"),
        "ImageNetTestAccuracy200Epochs": ("ImageNet16-120", "x-test"),
    ]

    static let knownSplits: Set<String> = ["train", "valid", "test", "x-valid", "x-test", "ori-test"]

    /// (dataset, split, epochs) for a recognised metric column, nil for any other column.
    ///
    /// The generic form is `<dataset>/<split>` or `<dataset>/<split>@<epochs>` with a known split name;
    /// the dataset is free so that a lab can analyse its own benchmarks.
    static func recognise(_ name: String) -> (dataset: String, split: String, epochs: Int?)? {
        if let lab = labColumns[name] { return (lab.dataset, lab.split, 200) }
        // The split is after the last '/': a lab's dataset name may itself contain slashes.
        guard let slash = name.lastIndex(of: "/"), slash != name.startIndex else { return nil }
        let dataset = String(name[..<slash])
        var split = String(name[name.index(after: slash)...])
        var epochs: Int? = 200
        if let at = split.firstIndex(of: "@") {
            guard let value = Int(split[split.index(after: at)...]), value > 0 else { return nil }
            epochs = value
            split = String(split[..<at])
        }
        guard knownSplits.contains(split) else { return nil }
        return (dataset, split, epochs)
    }

    static let architectureNames = ["ArchitectureString", "arch", "arch_str"]
    static let indexName = "index"
    static let isomorphismName = "UniqueString"
}
