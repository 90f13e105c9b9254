import Support
import Analysis
import ArgumentParser
import Foundation

/// Options shared by the commands that run the analysis: configuration, worker count, output chatter.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON configuration file (see the README); defaults otherwise.", valueName: "FILE"))
    var config: String?

    @OptionGroup var workers: ThreadOptions

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Print the estimated time and peak memory of the run, then exit without running it.")
    var dryRun = false

    @Flag(name: .long, help: "Run even when the estimated time or memory is out of proportion to the machine.")
    var force = false

    var workerCount: Int { workers.workerCount }

    func configuration() throws -> Configuration {
        guard let config else { return .default }
        return try Configuration.load(path: config)
    }
}

enum RunMetadata {
    /// `SOURCE_DATE_EPOCH` (reproducible builds), checked: a malformed value is a usage error.
    static func sourceDateEpoch() throws -> Int? {
        do {
            return try SourceDateEpoch.parse(ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure(message: error.description, status: ExitStatus.usage)
        }
    }

    /// ISO 8601 time of the run: `SOURCE_DATE_EPOCH` when set, else now.
    static func generatedAt() throws -> String { SourceDateEpoch.timestamp(try sourceDateEpoch()) }
}
