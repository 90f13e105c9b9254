import Foundation
import PackagePlugin

/// Compiles the default report theme (`templates/*.mustache`, `site/*`) into the Report module, so the
/// binary is self-contained and the repository holds the theme only once.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let files = try ["templates", "site"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
                .filter { folder == "site" || $0.pathExtension == "mustache" }
        }.sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTheme.swift")
        return [.buildCommand(displayName: "Embedding the report theme",
                              executable: try context.tool(named: "ThemeEmbedder").url,
                              arguments: [output.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
