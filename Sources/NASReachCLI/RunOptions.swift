import Support
import Analysis
import ArgumentParser
import Foundation
import Statistics

/// Options shared by the commands that run the analysis: configuration, worker count, output chatter.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON configuration file (see the README); defaults otherwise.", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: "Worker threads (default: all cores). Results never depend on it.")
    var threads: Int?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var workerCount: Int { threads ?? Parallel.defaultThreads }

    func configuration() throws -> Configuration {
        guard let config else { return .default }
        return try Configuration.load(path: config)
    }
}

enum RunMetadata {
    /// ISO 8601 time of the run: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
    static func generatedAt() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        var date = Date()
        if let text = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(text) else {
                throw CommandFailure(message: "SOURCE_DATE_EPOCH must be a whole number of seconds, found '\(text)'", status: ExitStatus.usage)
            }
            date = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
