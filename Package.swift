// swift-tools-version:6.0
import PackageDescription

/// One library per pipeline stage; data flows one way. Support (utilities) and Statistics (mathematics)
/// are leaves; SearchSpace → Benchmark → (Landscape, Search, Algorithms) → Analysis → Figures (via Plotting) →
/// Report → NASReachCLI. Each module's README says what it owns and what it must not import.
let package = Package(
    name: "nasreach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nasreach", targets: ["nasreach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // libbz2-dev ships no pkg-config file: the module map links `bz2` itself.
        .systemLibrary(
            name: "CBZip2",
            providers: [.apt(["libbz2-dev"])]
        ),
        // PNG encoding with a fast deflate level (Cairo's own PNG writer spends most of a figure's time
        // compressing), and the site's gzip-compressed large tables.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Support", dependencies: ["CZlib"], exclude: ["README.md"]),
        .target(name: "Statistics", exclude: ["README.md"]),
        .target(name: "SearchSpace", exclude: ["README.md"]),
        .target(name: "Benchmark", dependencies: ["SearchSpace", "Statistics", "Support", "CBZip2"], exclude: ["README.md"]),
        .target(name: "Landscape", dependencies: ["SearchSpace", "Statistics", "Support"], exclude: ["README.md"]),
        .target(name: "Search", dependencies: ["SearchSpace", "Statistics", "Support"], exclude: ["README.md"]),
        .target(name: "Algorithms", dependencies: ["SearchSpace", "Statistics", "Support"], exclude: ["README.md"]),
        .target(name: "Analysis", dependencies: ["SearchSpace", "Benchmark", "Landscape", "Search", "Algorithms", "Statistics", "Support"], exclude: ["README.md"]),
        .target(name: "Plotting", dependencies: ["CCairo", "CZlib", "Support"], exclude: ["README.md"]),
        .target(name: "Figures", dependencies: ["Analysis", "Algorithms", "Plotting", "Search", "Statistics", "Support"], exclude: ["README.md"]),
        // The default theme is compiled in from templates/ and site/ at build time.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(name: "Report", dependencies: [
            "Analysis", "Algorithms", "Figures", "Landscape", "Plotting", "Search", "Support",
            .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["README.md"], plugins: ["EmbedTheme"]),
        .target(name: "NASReachCLI", dependencies: [
            "Support", "SearchSpace", "Benchmark", "Landscape", "Search", "Statistics", "Analysis", "Plotting", "Figures", "Report",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["README.md"]),
        .executableTarget(name: "nasreach", dependencies: ["NASReachCLI"]),
        // Bodies of the libFuzzer targets (scripts/fuzz.sh); FuzzTargetsTests replays their saved corpus.
        .target(name: "FuzzTargets", dependencies: ["Analysis", "Benchmark", "SearchSpace"]),

        // Fixtures shared by the test targets: one small analysis of the synthetic default.
        .target(name: "TestSupport", dependencies: ["Analysis", "Benchmark", "Search"], path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support", "Statistics", "TestSupport"]),
        .testTarget(name: "SearchSpaceTests", dependencies: ["SearchSpace"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], resources: [.copy("Golden")]),
        .testTarget(name: "BenchmarkTests", dependencies: ["Benchmark", "SearchSpace", "Support"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LandscapeTests", dependencies: ["Landscape", "SearchSpace", "Statistics", "Support", "Benchmark"], resources: [.copy("Golden")]),
        .testTarget(name: "AlgorithmsTests", dependencies: ["Algorithms", "SearchSpace", "Statistics"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "SearchSpace", "Statistics", "Support", "Benchmark"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Benchmark", "Search", "Statistics", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "Support", "CZlib"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Analysis", "Plotting", "Search", "Support", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Analysis", "Benchmark", "Figures", "Search", "Support", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], resources: [.copy("Corpus")]),
        .testTarget(name: "NASReachCLITests", dependencies: ["NASReachCLI", "Analysis", "Figures", "Report", "Search", "Support", "TestSupport"], resources: [.copy("BadInputs")]),
    ]
)
