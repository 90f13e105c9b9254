import Foundation

/// A program the tests check output against (the system's gzip, python's gzip module): run to completion,
/// its standard output captured.
public enum ExternalCommand {
    /// Runs `executable` (a path, or a name looked up through /usr/bin/env) with `arguments`.
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process(), stdout = Pipe()
        let isPath = executable.hasPrefix("/")
        process.executableURL = URL(fileURLWithPath: isPath ? executable : "/usr/bin/env")
        process.arguments = isPath ? arguments : [executable] + arguments
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
