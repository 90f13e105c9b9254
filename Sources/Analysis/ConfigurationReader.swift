import Benchmark
import Foundation
import Search

/// Reads a decoded JSON object into a `Configuration`, key by key, so that an unknown key or a wrong
/// type is reported by its path (e.g. `monteCarlo.hittingWalks`) rather than decoded away.
struct ConfigurationReader {
    let file: String

    private func fail(_ path: String, _ message: String) -> InputError {
        InputError(.invalid, file: file, message: "\(path): \(message)")
    }

    func apply(_ object: Any, to configuration: inout Configuration) throws(InputError) {
        let root = try dictionary(object, path: "configuration")
        try checkKeys(root, known: Self.topLevelKeys, path: "configuration")
        if let v = root["operatorCount"] { configuration.operatorCount = try integer(v, path: "operatorCount") }
        if let v = root["pathLengths"] { configuration.pathLengths = try list(v, path: "pathLengths", integer) }
        if let v = root["thresholdPercentiles"] { configuration.thresholdPercentiles = try list(v, path: "thresholdPercentiles", number) }
        if let v = root["acceptanceRules"] { configuration.acceptanceRules = try list(v, path: "acceptanceRules", acceptanceRule) }
        if let v = root["alpha"] { configuration.alpha = try number(v, path: "alpha") }
        if let v = root["bootstrapReplicates"] { configuration.bootstrapReplicates = try integer(v, path: "bootstrapReplicates") }
        if let v = root["nullReplicates"] { configuration.nullReplicates = try integer(v, path: "nullReplicates") }
        if let v = root["nullSubsetReplicates"] { configuration.nullSubsetReplicates = try integer(v, path: "nullSubsetReplicates") }
        if let v = root["nullSubsetOperators"] { configuration.nullSubsetOperators = try integer(v, path: "nullSubsetOperators") }
        if let v = root["confidence"] { configuration.confidence = try number(v, path: "confidence") }
        if let v = root["landscapeWalks"] { configuration.landscapeWalks = try integer(v, path: "landscapeWalks") }
        if let v = root["landscapeWalkLength"] { configuration.landscapeWalkLength = try integer(v, path: "landscapeWalkLength") }
        if let v = root["monteCarlo"] {
            let budget = try dictionary(v, path: "monteCarlo")
            try checkKeys(budget, known: Self.budgetKeys.map(\.key) + ["reliability"], path: "monteCarlo")
            if let v = budget["reliability"] { configuration.monteCarlo.reliability = try number(v, path: "monteCarlo.reliability") }
            for (key, field) in Self.budgetKeys {
                if let v = budget[key] { configuration.monteCarlo[keyPath: field] = try integer(v, path: "monteCarlo.\(key)") }
            }
        }
        if let v = root["figures"] {
            let figures = try dictionary(v, path: "figures")
            try checkKeys(figures, known: ["preset"], path: "figures")
            if let v = figures["preset"] {
                let name = try string(v, path: "figures.preset")
                guard let preset = Configuration.FigureOptions.Preset(rawValue: name) else {
                    throw fail("figures.preset", "unknown preset '\(name)' (use " + Configuration.FigureOptions.Preset.allCases.map(\.rawValue).joined(separator: " or ") + ")")
                }
                configuration.figures.preset = preset
            }
        }
        // null is how results.json writes a configuration without a site block, and it reads back as one.
        if let v = root["site"], !(v is NSNull) { configuration.site = try site(v) }
        if let v = root["searchAlgorithms"] {
            let study = try dictionary(v, path: "searchAlgorithms")
            try checkKeys(study, known: Self.searchAlgorithmKeys.map(\.key), path: "searchAlgorithms")
            for (key, field) in Self.searchAlgorithmKeys {
                if let v = study[key] { configuration.searchAlgorithms[keyPath: field] = try integer(v, path: "searchAlgorithms.\(key)") }
            }
        }
    }

    static var budgetKeys: [(key: String, field: WritableKeyPath<Configuration.MonteCarloBudget, Int>)] { [
        ("minimumWalks", \.minimumWalks), ("maximumWalks", \.maximumWalks), ("hittingWalks", \.hittingWalks),
        ("hittingTimeCap", \.hittingTimeCap), ("maximumHittingTimeCap", \.maximumHittingTimeCap),
        ("dynamicProgrammingMaxK", \.dynamicProgrammingMaxK), ("exactChainMaxLength", \.exactChainMaxLength),
    ] }

    static var searchAlgorithmKeys: [(key: String, field: WritableKeyPath<Configuration.SearchAlgorithmBudget, Int>)] { [
        ("runs", \.runs), ("budget", \.budget),
    ] }

    static let topLevelKeys = ["operatorCount", "pathLengths", "thresholdPercentiles",
                               "acceptanceRules", "monteCarlo", "alpha", "bootstrapReplicates", "confidence",
                               "landscapeWalks", "landscapeWalkLength", "searchAlgorithms", "nullReplicates",
                               "nullSubsetReplicates", "nullSubsetOperators", "site", "figures"]

    static var siteTextKeys: [(key: String, field: WritableKeyPath<SiteMetadata, String?>)] { [
        ("title", \.title), ("affiliation", \.affiliation), ("abstract", \.abstract), ("citation", \.citation), ("url", \.url),
    ] }

    private func site(_ value: Any) throws(InputError) -> SiteMetadata {
        let object = try dictionary(value, path: "site")
        try checkKeys(object, known: Self.siteTextKeys.map(\.key) + ["authors"], path: "site")
        var site = SiteMetadata()
        for (key, field) in Self.siteTextKeys {
            if let v = object[key] { site[keyPath: field] = try string(v, path: "site.\(key)") }
        }
        if let v = object["authors"] { site.authors = try list(v, path: "site.authors", string) }
        return site
    }

    private func checkKeys(_ object: [String: Any], known: [String], path: String) throws(InputError) {
        for key in object.keys.sorted() where !known.contains(key) {
            let suggestion = known.first { $0.lowercased() == key.lowercased() }
            throw InputError(.invalid, file: file, message: "\(path): unknown key '\(key)'",
                             hint: suggestion.map { "did you mean '\($0)'?" } ?? "known keys: \(known.joined(separator: ", "))")
        }
    }

    private func dictionary(_ value: Any, path: String) throws(InputError) -> [String: Any] {
        guard let object = value as? [String: Any] else { throw fail(path, "expected an object {…}") }
        return object
    }

    private func isBoolean(_ value: Any) -> Bool {
        // JSON booleans bridge to NSNumber with the C type code of `char`; numbers never do.
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    private func number(_ value: Any, path: String) throws(InputError) -> Double {
        guard !isBoolean(value), let number = value as? NSNumber else { throw fail(path, "expected a number") }
        return number.doubleValue
    }

    private func integer(_ value: Any, path: String) throws(InputError) -> Int {
        let x = try number(value, path: path)
        guard x == x.rounded(), abs(x) < 1e15 else { throw fail(path, "expected a whole number, found \(x)") }
        return Int(x)
    }

    private func string(_ value: Any, path: String) throws(InputError) -> String {
        guard let text = value as? String else { throw fail(path, "expected a string") }
        return text
    }

    private func acceptanceRule(_ value: Any, path: String) throws(InputError) -> AcceptanceRule {
        let label = try string(value, path: path)
        guard let rule = AcceptanceRule(label: label) else {
            throw InputError(.invalid, file: file, message: "unknown acceptance rule '\(label)' (use always, improving, non-worsening or metropolis(T=<positive number>))")
        }
        return rule
    }

    private func list<T>(_ value: Any, path: String, _ element: (Any, String) throws(InputError) -> T) throws(InputError) -> [T] {
        guard let array = value as? [Any] else { throw fail(path, "expected a list […]") }
        var result: [T] = []
        for (index, item) in array.enumerated() { result.append(try element(item, "\(path)[\(index)]")) }
        return result
    }
}
