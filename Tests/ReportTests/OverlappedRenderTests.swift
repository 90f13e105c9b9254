import Figures
import Foundation
import Support
import Testing
@testable import Report

/// `ReportBuilder.render` prepares the downloads while the figures are drawn and renders pages in
/// parallel; none of that may show in the bytes.
@Suite struct OverlappedRenderTests {
    @Test("render on 3 workers writes the site that drawing, then writing, on one worker writes")
    func renderEqualsDrawingThenWriting() throws {
        let output = ReportFixtures.synthetic
        let folder = try TemporaryFolder()
        let sequential = folder.url.appendingPathComponent("sequential"), overlapped = folder.url.appendingPathComponent("overlapped")
        try ReportBuilder.write(output: output, figureFiles: try FigureSet.render(output, threads: 1, sourceDateEpoch: 0), threads: 1,
                                to: sequential)
        let pages = JobCounter()
        var drawn = false
        try ReportBuilder.render(output: output, sourceDateEpoch: 0, threads: 3, to: overlapped, figuresDone: { drawn = true },
                                 progress: { _, _ in _ = pages.increment() })
        #expect(drawn)
        let one = try Theme.files(in: sequential), three = try Theme.files(in: overlapped)
        #expect(one.keys.sorted() == three.keys.sorted())
        for (path, bytes) in one where three[path] != bytes { Issue.record("\(path) differs") }
        // Every page reported once, from whichever worker rendered it.
        #expect(pages.increment() - 1 == (try ReportContent(output: output)).model.pages.count)
    }
}
