import Analysis
import Benchmark
import SearchSpace

/// The bodies of the fuzz targets (scripts/fuzz.sh builds each into a libFuzzer binary; the corpus replay
/// test runs the saved corpus through the same bodies). Each must end in a value or a typed error for every
/// input — a crash, trap or hang is the bug a fuzzer finds.
public enum FuzzTargets {
    public static let names = ["csv-reader", "arch-string", "configuration", "pickle", "bzip2"]

    /// Runs target `name` on `bytes`.
    public static func run(_ name: String, _ bytes: [UInt8]) {
        switch name {
        case "csv-reader":
            if let table = try? CSVTable.parse(bytes: bytes, file: "fuzz.csv") {
                for name in table.header { _ = table.column(name) }
            }
            _ = try? CSVSource.parse(bytes: bytes, file: "fuzz.csv")
        case "arch-string":
            let text = String(decoding: bytes, as: UTF8.self)
            if let cell = try? ArchString.parse(text) {
                // Whatever parses formats back to a string that parses to the same cell.
                precondition((try? ArchString.parse(ArchString.format(cell))) == cell, "arch string round trip")
            }
        case "configuration":
            _ = try? Configuration.parse(bytes: bytes, file: "fuzz.json")
        case "pickle":
            _ = try? PickleReader.read(bytes, file: "fuzz.pickle", limits: .init(maxDepth: 64, valuesPerByte: 2))
        case "bzip2":
            _ = try? BZip2.decompress(bytes, file: "fuzz.pbz2", limit: 1 << 24)
        default:
            preconditionFailure("unknown fuzz target \(name)")
        }
    }
}
