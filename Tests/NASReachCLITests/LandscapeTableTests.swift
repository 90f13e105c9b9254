import Analysis
@testable import NASReachCLI
import Testing
import TestSupport

@Test("the landscape command's table aligns its rows and names every metric")
func landscapeTableAligns() throws {
    let results = SmallAnalysis.output.results
    let columns = results.metrics.compactMap { metric in results.landscape[metric.id].map { (metric.id, $0) } }
    let table = LandscapeTable.format(columns)
    let lines = table.split(separator: "\n")
    #expect(lines.count > 20 && Set(lines.map(\.count)).count == 1, "rows align")
    #expect(table.contains("strict local maxima"))
    for metric in results.metrics { #expect(table.contains(metric.id)) }
}
