import Foundation
import Mustache

/// The look of a report: Mustache templates plus static assets (CSS, JS) copied into `assets/`.
///
/// Rendering starts at the `layout` template, which includes the others as partials (`page`,
/// `section`, `table`, `cell`, `figure` in the default theme). Templates must use `{{name}}`
/// (escaped) for every value; only file paths and plain text from the model reach them.
public struct Theme: Sendable {
    /// Template sources by name.
    public let templates: [String: String]
    /// Asset bytes by path inside `assets/`.
    public let assets: [String: Data]
    let library: MustacheLibrary

    /// The built-in theme (the files of the repository's `templates/` and `site/` folders).
    public static let `default`: Theme = {
        do {
            return try Theme(
                templates: EmbeddedTheme.templates,
                assets: EmbeddedTheme.assets.mapValues { Data($0.utf8) }
            )
        } catch {
            // The embedded theme is fixed at build time and parsed by the tests.
            preconditionFailure("The embedded theme is broken: \(error)")
        }
    }()

    /// A theme from template sources and asset bytes; fails if a template does not parse,
    /// `layout` is missing, or an asset path is not a plain relative path.
    public init(templates: [String: String], assets: [String: Data]) throws(SiteError) {
        guard templates["layout"] != nil else {
            throw SiteError.template(name: "layout", message: "the entry template is missing")
        }
        var library = MustacheLibrary()
        for (name, source) in templates {
            do {
                try library.register(source, named: name)
            } catch {
                throw SiteError.template(name: name, message: "\(error)")
            }
        }
        for path in assets.keys { try SitePath.validate(path) }
        self.templates = templates
        self.assets = assets
        self.library = library
    }

    /// The default theme with a lab's own files laid over it: every `*.mustache` file in
    /// `templatesDirectory` replaces the default template of the same name, and every file in
    /// `assetsDirectory` (recursively) replaces or adds an asset of the same relative path.
    public static func load(templatesDirectory: URL?, assetsDirectory: URL? = nil) throws(SiteError) -> Theme {
        var templates = Theme.default.templates
        var assets = Theme.default.assets
        if let templatesDirectory {
            for (path, data) in try files(in: templatesDirectory) where path.hasSuffix(".mustache") && !path.contains("/") {
                guard let source = String(data: data, encoding: .utf8) else {
                    throw SiteError.template(name: path, message: "it is not UTF-8 text")
                }
                templates[String(path.dropLast(".mustache".count))] = source
            }
        }
        if let assetsDirectory {
            assets.merge(try files(in: assetsDirectory)) { _, lab in lab }
        }
        return try Theme(templates: templates, assets: assets)
    }

    /// Every regular file under `directory`, by path relative to it.
    static func files(in directory: URL) throws(SiteError) -> [String: Data] {
        try files(in: directory, reading: { _ in true })
    }

    /// Every regular file under `directory` by relative path, with its bytes where `reading(path)` holds
    /// and empty data elsewhere: a check of links needs the names of the figures, not their bytes.
    static func files(in directory: URL, reading: (String) -> Bool) throws(SiteError) -> [String: Data] {
        let base = directory.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else { throw SiteError.io("\(directory.path) is not a readable folder") }
        var files: [String: Data] = [:]
        for case let url as URL in enumerator {
            let resolved = url.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
            guard reading(relative) else {
                files[relative] = Data()
                continue
            }
            do {
                files[relative] = try Data(contentsOf: resolved)
            } catch {
                throw SiteError.io("cannot read \(url.path): \(error.localizedDescription)")
            }
        }
        return files
    }

    /// Renders `context` through the `layout` template.
    func render(_ context: [String: Any]) -> String {
        // `layout` is checked to exist in `init`, so rendering cannot return nil.
        library.render(context, withTemplate: "layout") ?? ""
    }
}
