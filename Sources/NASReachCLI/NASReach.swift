import ArgumentParser

/// The `nasreach` command: reach vs improvability on the NATS-Bench topology space.
public struct NASReach: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "nasreach",
        abstract: "Does the reach of a NAS transformation operator predict its improvability?",
        discussion: """
        Exit codes: 0 success; 64 bad command-line usage; 65 bad input data; 66 input file missing or \
        unreadable; 70 internal error; 73 an output folder or file cannot be written.

        Start with:  nasreach report            (synthetic data, writes public/index.html)
        Real data:   nasreach report --data nats_bench.csv --out public
        """,
        version: version,
        subcommands: [ReportCommand.self, Analyze.self, Render.self, LandscapeCommand.self, Validate.self, Merge.self, Bench.self]
    )

    public init() {}
}
