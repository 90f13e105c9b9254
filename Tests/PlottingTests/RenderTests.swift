import Foundation
@testable import Plotting
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

private func bigEndian32(_ bytes: [UInt8], at offset: Int) -> Int {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
}

@Test func pngHasSignatureAndOneAndAHalfTimesTheFigureSize() throws {
    let bytes = try render(Demo.figure(width: 640, height: 420), as: .png)
    #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
    #expect(bigEndian32(bytes, at: 16) == 960)
    #expect(bigEndian32(bytes, at: 20) == 630)
}

@Test func svgParsesAsXMLWithEveryIDPrefixed() throws {
    let svg = String(decoding: try render(Demo.figure(id: "fig 1"), as: .svg), as: UTF8.self)
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = IDCollector()
    parser.delegate = collector
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
    #expect(!collector.ids.isEmpty, "Cairo's SVG defines clips")
    let prefix = svgIDPrefix("fig 1") + "-"
    #expect(prefix.count == 9 && prefix != svgIDPrefix("fig 2") + "-", "short, and different per figure")
    #expect(collector.ids.allSatisfy { $0.hasPrefix(prefix) }, "\(collector.ids.filter { !$0.hasPrefix(prefix) })")
    #expect(collector.references.allSatisfy { collector.ids.contains($0) }, "every #reference resolves")
    #expect(collector.references.count > 0)
    #expect(svg.contains("width=\"900px\" height=\"620px\""))
}

@Test func prefixingRewritesIDsAndReferencesOnly() {
    let svg = ##"<g id="glyph0-1"/><use xlink:href="#glyph0-1"/><g clip-path="url(#clip1)" fill="#ff0000"/>"##
    let a = svgIDPrefix("a")
    #expect(prefixingSVGIDs(svg, with: "a") == ##"<g id="\##(a)-glyph-1"/><use xlink:href="#\##(a)-glyph-1"/><g clip-path="url(#\##(a)-clip-2)" fill="#ff0000"/>"##)
}

@Test func pdfHasHeaderAndTrailerAndGivenDate() throws {
    let bytes = try render(Demo.figure(), as: .pdf, sourceDateEpoch: 1_700_000_000)
    #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
    let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
    #expect(tail.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
    // Cairo 1.16 writes the date without the "D:" prefix.
    #expect(String(decoding: bytes, as: UTF8.self).contains("/CreationDate (20231114"))
}

@Test(arguments: OutputFormat.allCases)
func renderingIsDeterministic(format: OutputFormat) throws {
    let first = try render(Demo.figure(), as: format, sourceDateEpoch: nil)
    let second = try render(Demo.figure(), as: format, sourceDateEpoch: nil)
    #expect(first.count > 1000)
    #expect(first == second, "renders differ")
}

@Test func concurrentRendersMatchSequentialOnes() throws {
    let figures = (0..<4).map { Demo.figure(id: "f\($0)", width: 400 + Double($0) * 50, height: 300) }
    let expected = try figures.map { try render($0, as: .svg) }
    let results = ConcurrentResults(count: figures.count)
    DispatchQueue.concurrentPerform(iterations: figures.count) { i in
        results.set(i, try? render(figures[i], as: .svg))
    }
    #expect(results.values == expected, "concurrent renders differ from sequential ones")
}

/// Gathers ids and `#…` references from an SVG's elements.
private final class IDCollector: NSObject, XMLParserDelegate {
    var ids: Set<String> = []
    var references: Set<String> = []

    func parser(_ parser: XMLParser, didStartElement _: String, namespaceURI _: String?, qualifiedName _: String?, attributes: [String: String] = [:]) {
        for (name, value) in attributes {
            if name == "id" { ids.insert(value) }
            if name.hasSuffix("href"), value.hasPrefix("#") { references.insert(String(value.dropFirst())) }
            if let start = value.range(of: "url(#"), let end = value[start.upperBound...].firstIndex(of: ")") {
                references.insert(String(value[start.upperBound..<end]))
            }
        }
    }
}

/// Results written by index from concurrent work; the lock makes the writes safe.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[UInt8]?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: [UInt8]?) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [[UInt8]] { lock.lock(); defer { lock.unlock() }; return storage.compactMap { $0 } }
}
