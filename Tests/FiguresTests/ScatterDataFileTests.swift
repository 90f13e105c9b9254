import Figures
import Foundation
import Testing
import TestSupport

/// The point data the site's script reads beside each reach scatter: what it holds, and that its pixel
/// mapping puts every point inside its panel's plot.
@Suite("Scatter point data")
struct ScatterDataFileTests {
    /// The JSON object a `.data.js` file assigns, and the catalog path it assigns it under.
    static func object(_ path: String) throws -> (key: String, value: [String: Any]) {
        let text = String(decoding: try #require(SmallOutput.files[path], "no \(path)"), as: UTF8.self)
        let prefix = "(window.nasreachFigureData = window.nasreachFigureData || {})[\""
        #expect(text.hasPrefix(prefix) && text.hasSuffix("};\n"), "\(path) is not one registry assignment")
        let afterPrefix = text.dropFirst(prefix.count)
        let key = String(try #require(afterPrefix.split(separator: "\"", maxSplits: 1).first))
        let start = try #require(afterPrefix.firstIndex(of: "{"))
        let json = afterPrefix[start...].dropLast(2)
        let value = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (key, value)
    }

    /// The site's operator table, which the points index.
    static func operators() throws -> [[String: Any]] {
        let text = String(decoding: try #require(SmallOutput.files[FigureSet.operatorDataPath]), as: UTF8.self)
        let prefix = "window.nasreachOperators = "
        #expect(text.hasPrefix(prefix) && text.hasSuffix("];\n"))
        let json = text.dropFirst(prefix.count).dropLast(2)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    @Test("the operator table lists every operator once, in the results' order, with its family and parameters")
    func operatorTable() throws {
        let operators = try Self.operators()
        #expect(operators.map { $0["id"] as? String } == SmallOutput.output.results.operators.map(\.id))
        #expect(operators.allSatisfy { !($0["family"] as? String ?? "").isEmpty && !($0["parameters"] as? String ?? "").isEmpty })
    }

    @Test("the point data of one reach scatter equals its golden copy")
    func golden() throws {
        let path = "figures/synthetic-easy-test/reach-vs-improvability-always.data.js"
        let bytes = try #require(SmallOutput.files[path])
        let mismatch = Snapshot.mismatch(bytes, golden: "synthetic-easy-test--reach-vs-improvability-always.data.js")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("every reach scatter has point data: its own path, one entry per panel, each point inside its plot and named",
          arguments: SmallOutput.files.keys.filter { $0.hasSuffix(".data.js") && $0 != FigureSet.operatorDataPath }.sorted())
    func pointsInsideTheirPlots(path: String) throws {
        let (key, data) = try Self.object(path)
        #expect(key + ".data.js" == path)
        let operators = try Self.operators()
        let panels = try #require(data["panels"] as? [[String: Any]])
        let width = try #require(data["width"] as? Double), height = try #require(data["height"] as? Double)
        #expect(!panels.isEmpty)
        for panel in panels {
            let plot = try #require(panel["plot"] as? [Double])
            #expect(plot[0] >= 0 && plot[1] >= 0 && plot[0] + plot[2] <= width && plot[1] + plot[3] <= height, "\(path): plot \(plot) off the PNG")
            let x = try #require(panel["x"] as? [String: Any]), y = try #require(panel["y"] as? [String: Any])
            func fraction(_ axis: [String: Any], _ value: Double) -> Double {
                let (lower, upper) = (axis["lower"] as! Double, axis["upper"] as! Double)
                return axis["log"] as! Bool ? (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) : (value - lower) / (upper - lower)
            }
            // One value (or null) per operator, its x the operator's reach.
            let values = try #require(panel["values"] as? [Any])
            #expect(values.count == operators.count, "\(path): \(values.count) values for \(operators.count) operators")
            for (index, value) in values.enumerated() {
                guard let value = value as? Double else { continue }
                let reach = try #require(operators[index]["reach"] as? Double, "\(path): operator \(index) has no reach")
                // Values are rounded to four digits: a point on the edge may sit a hair outside.
                #expect((-1e-3...1.001).contains(fraction(x, reach)) && (-1e-3...1.001).contains(fraction(y, value)),
                        "\(path): operator \(index) at (\(reach), \(value)) outside its plot")
            }
            #expect(values.contains { $0 is Double } == (panel["key"] != nil), "\(path): a panel with points names its key")
        }
    }
}
