import Foundation

// Writes the Swift source of the default report theme: `ThemeEmbedder OUTPUT TEMPLATE_OR_ASSET…`.
// Files ending in `.mustache` become templates (by file name without the extension), every other file
// an asset (by file name). Run by the EmbedTheme build-tool plugin, so the binary carries the theme
// that `templates/` and `site/` hold at build time and no copy of it is committed.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder OUTPUT FILE…\n".utf8))
    exit(64)
}

/// A raw string literal whose delimiter cannot occur in `text`.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var templates: [(String, String)] = [], assets: [(String, String)] = []
for path in arguments.dropFirst().sorted() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read \(path) as UTF-8\n".utf8))
        exit(66)
    }
    if url.pathExtension == "mustache" {
        templates.append((url.deletingPathExtension().lastPathComponent, text))
    } else {
        assets.append((url.lastPathComponent, text))
    }
}

func dictionary(_ entries: [(String, String)]) -> String {
    "[\n" + entries.map { "        \"\($0.0)\": \(literal($0.1))," }.joined(separator: "\n") + "\n    ]"
}

let source = """
    // Generated at build time by the EmbedTheme plugin from templates/*.mustache and site/*.

    /// The default theme, compiled in so that a binary run from any folder can render a report.
    enum EmbeddedTheme {
        /// Mustache templates by name (file name without `.mustache`).
        static let templates: [String: String] = \(dictionary(templates))

        /// Static assets by file name, copied into the site's `assets/` folder.
        static let assets: [String: String] = \(dictionary(assets))
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
