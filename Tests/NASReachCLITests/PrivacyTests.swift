import Foundation
import TestSupport
import Testing

/// Reports and results get published: the input is named by its file name and SHA-256, never by
/// the local path it was read from.
@Suite struct PrivacyTests {
    @Test func noOutputAndNoTerminalLineNamesTheInputsFolder() throws {
        let inputFolder = try CLI.temporaryFolder()
        let outputFolder = try CLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: inputFolder)
            try? FileManager.default.removeItem(at: outputFolder)
        }
        let csv = inputFolder.appendingPathComponent("bench.csv")
        try Data(CLI.benchmarkCSV(header: "cifar10/test,ArchitectureString") { code, arch in "\(Double(code % 911) / 10 + 2),\(arch)" }.utf8)
            .write(to: csv)
        let config = outputFolder.appendingPathComponent("small.json")
        try Data(CLI.smallConfiguration.utf8).write(to: config)
        let runs = [
            ["validate", "--data", csv.path],
            ["landscape", "--data", csv.path, "--json", outputFolder.appendingPathComponent("landscape.json").path],
            ["analyze", "--data", csv.path, "--config", config.path, "--results", outputFolder.appendingPathComponent("results").path],
            ["report", "--data", csv.path, "--config", config.path, "--out", outputFolder.appendingPathComponent("site").path],
        ]
        for arguments in runs {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
            #expect(result.stdout.contains("bench.csv") || arguments[0] != "validate", "validate names the input by its file name")
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                #expect(!text.contains(inputFolder.path), "\(arguments[0]) prints the input's folder on \(stream)")
            }
        }
        let files = try EndToEndTests.files(in: outputFolder)
        #expect(files["results/results.json"] != nil && files["site/index.html"] != nil)
        #expect(files.keys.contains { $0.hasSuffix(".json.gz") }, "the compressed downloads are read too")
        for (path, data) in files {
            let text = path.hasSuffix(".gz") ? Snapshot.gunzip([UInt8](data)) : [UInt8](data)
            #expect((!path.hasSuffix(".gz") || !text.isEmpty) && !String(decoding: text, as: UTF8.self).contains(inputFolder.path), "\(path) names the input's folder")
        }
    }
}
