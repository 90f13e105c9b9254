import ArgumentParser

/// The `nasreach` command: reach vs improvability on the NATS-Bench topology space.
public struct NASReach: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nasreach",
        abstract: "Does the reach of a NAS transformation operator predict its improvability?",
        subcommands: []
    )

    public init() {}
}
