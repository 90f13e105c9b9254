import Foundation
import TestSupport

/// Runs the built `nasreach` executable (it sits beside the test bundle) and captures what it prints.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var firstErrorLine: String { stderr.split(separator: "\n").first.map(String.init) ?? "" }
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nasreach")
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        try start(arguments, environment: environment, in: directory).wait()
    }

    /// A started `nasreach` process; `wait()` collects its output.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        func wait() throws -> Result {
            // Read both pipes before waiting, so a chatty process never blocks on a full pipe.
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    static func start(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = env["SOURCE_DATE_EPOCH"] ?? "1767225600"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nasreach-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A real-shaped benchmark CSV: `header`, then one line per cell code 0…15 624 made by `row` from the
    /// code and its arch string.
    static func benchmarkCSV(header: String, row: (_ code: Int, _ arch: String) -> String) -> String {
        var text = header + "\n"
        for code in 0..<15_625 {
            let ops = (0..<6).map { ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"][(code / Int(pow(5.0, Double($0)))) % 5] }
            text += row(code, "|\(ops[0])~0|+|\(ops[1])~0|\(ops[2])~1|+|\(ops[3])~0|\(ops[4])~1|\(ops[5])~2|") + "\n"
        }
        return text
    }

    /// A configuration small enough for end-to-end tests in seconds: the shared small analysis.
    static var smallConfiguration: String { String(decoding: SmallAnalysis.configurationJSON, as: UTF8.self) }
}
