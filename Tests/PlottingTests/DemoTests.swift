import Foundation
import Plotting
import Testing

/// Writes the demo figure for a person to look at; only when PLOTTING_DEMO_DIR names a folder, so
/// ordinary test runs write nothing.
@Test(.enabled(if: ProcessInfo.processInfo.environment["PLOTTING_DEMO_DIR"] != nil))
func writesDemoFigure() throws {
    let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PLOTTING_DEMO_DIR"]!)
    for format in OutputFormat.allCases {
        let bytes = try render(Demo.figure(), as: format)
        try Data(bytes).write(to: folder.appendingPathComponent("plotting-demo.\(format.fileExtension)"))
    }
}
