import Foundation
import Testing

@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible {
        let file: String
        let command: String
        let status: Int32
        let message: String
        var testDescription: String { file }
    }

    static let corpus = Bundle.module.url(forResource: "BadInputs", withExtension: nil)!

    static var cases: [Case] {
        let text = (try? String(contentsOf: corpus.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: fields[0], command: fields[1], status: Int32(fields[2])!, message: fields[3])
        }
    }

    @Test func corpusIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0 != "cases.tsv" && $0 != "README.md" }
        #expect(Set(files).isSubset(of: Set(Self.cases.map(\.file))), "every corpus file has a case")
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func badInputGivesItsExitCodeAndFirstErrorLine(_ item: Case) throws {
        let path = Self.corpus.appendingPathComponent(item.file).path
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = item.command == "config"
            ? ["analyze", "--config", path, "--results", folder.appendingPathComponent("results").path]
            : ["validate", "--data", path]
        let result = try CLI.run(arguments)
        #expect(result.status == item.status, "stderr: \(result.stderr)")
        #expect(result.firstErrorLine.hasPrefix("error: "), "\(result.stderr)")
        #expect(result.firstErrorLine.contains(item.message), "first line: \(result.firstErrorLine)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("results").path), "nothing half-written")
    }

    @Test func hundredMegabyteLineIsRejectedCleanly() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.csv")
        var bytes = Array("CIFAR10TestAccuracy200Epochs,ArchitectureString\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "9"), count: 100 * 1024 * 1024)
        bytes += Array(",|none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n".utf8)
        try Data(bytes).write(to: file)
        let result = try CLI.run(["validate", "--data", file.path])
        #expect(result.status == 65)
        #expect(result.firstErrorLine.contains("huge.csv:2:1: CIFAR10TestAccuracy200Epochs value"))
        #expect(result.stderr.utf8.count < 4096, "the error does not echo the whole line back")
    }

    @Test func badUsageExits64() throws {
        #expect(try CLI.run(["analyze"]).status == 64)  // --results is required
        #expect(try CLI.run(["validate", "--seed", "minus-one"]).status == 64)
        #expect(try CLI.run(["analyze", "--results", "x", "--shard", "5/4"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }

    @Test func floatParsingIsForCSVFilesOnly() throws {
        let synthetic = try CLI.run(["validate", "--float-parsing", "pandas-2.2.1"])
        #expect(synthetic.status == 64)
        #expect(synthetic.firstErrorLine.contains("--float-parsing applies to a CSV file only"), "\(synthetic.stderr)")
        #expect(try CLI.run(["validate", "--float-parsing", "pandas"]).status == 64)
        #expect(try CLI.run(["validate", "--float-parsing", "correctly-rounded"]).status == 0)
    }
}

/// The cost guard, as a user meets it: absurd configurations are refused in seconds (exit 64, naming the
/// setting), `--dry-run` prints the estimate, `--force` lets a refused run start.
@Suite struct CostGuardTests {
    func withConfig(_ json: String, _ arguments: [String]) throws -> (CLI.Result, Double) {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.json")
        try Data(json.utf8).write(to: config)
        let start = Date()
        let result = try CLI.run(arguments + ["--config", config.path, "--results", folder.appendingPathComponent("out").path])
        return (result, Date().timeIntervalSince(start))
    }

    @Test(arguments: [(#"{"operatorCount": 100000000}"#, "operatorCount"), (#"{"pathLengths": [1000000000]}"#, "pathLengths")])
    func absurdConfigurationsAreRefusedInSeconds(_ json: String, _ setting: String) throws {
        let (result, seconds) = try withConfig(json, ["analyze"])
        #expect(result.status == 64)
        let error = result.stderr.split(separator: "\n").first { $0.hasPrefix("error:") } ?? ""
        #expect(error.contains("'\(setting)'"), "\(result.stderr)")
        #expect(seconds < 20)
        let (dry, _) = try withConfig(json, ["analyze", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("would be refused"), "\(dry.stdout)")
    }

    @Test func theDefaultsAreAcceptedAndDryRunWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run(["analyze", "--dry-run", "--results", out.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("estimated ") && !result.stdout.contains("refused"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
