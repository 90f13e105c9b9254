import Foundation
import Testing

/// `--help` is where a newcomer copies commands from: every example must survive an 80-column terminal.
@Suite struct HelpTests {
    static let commands = ["report", "analyze", "render", "merge", "validate", "landscape", "bench"]

    @Test(arguments: commands)
    func examplesCopyCleanlyAtEightyColumns(command: String) throws {
        let help = try CLI.run([command, "--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Example") }, "\(command) --help has no example")
        let examples = lines[(header + 1)...].prefix { !$0.isEmpty }
        #expect(!examples.isEmpty)
        for line in examples {
            // A wrapped example continues at column 0; a whole one is indented and is a command or a comment.
            #expect(line.hasPrefix("  nasreach ") || line.hasPrefix("  swift run ") || line.hasPrefix("  # "),
                    "\(command) --help: example line does not copy cleanly: \(line)")
        }
    }
}
