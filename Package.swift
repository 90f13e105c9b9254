// swift-tools-version:6.0
import PackageDescription

/// One library per pipeline stage; data flows one way:
/// SearchSpace → Benchmark → (Landscape, Search, Algorithms) → Statistics → Analysis → (Figures via Plotting) → Report → CLI.
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
        // PNG encoding with a fast deflate level: Cairo's own PNG writer spends most of a figure's time compressing.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "SearchSpace"),
        .target(name: "Statistics"),
        .target(name: "Benchmark", dependencies: ["SearchSpace", "Statistics", "CBZip2"]),
        .target(name: "Landscape", dependencies: ["SearchSpace", "Statistics"]),
        .target(name: "Search", dependencies: ["SearchSpace", "Statistics"]),
        .target(name: "Algorithms", dependencies: ["SearchSpace", "Statistics"]),
        .target(name: "Analysis", dependencies: ["SearchSpace", "Benchmark", "Landscape", "Search", "Statistics"]),
        .target(name: "Plotting", dependencies: ["CCairo", "CZlib"]),
        .target(name: "Figures", dependencies: ["Analysis", "Plotting", "Statistics"]),
        .target(name: "Report", dependencies: [
            "Analysis", "Figures",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "NASReachCLI", dependencies: [
            "SearchSpace", "Benchmark", "Landscape", "Search", "Statistics", "Analysis", "Figures", "Report",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "nasreach", dependencies: ["NASReachCLI"]),

        // Fixtures shared by the test targets: one small analysis of the synthetic default.
        .target(name: "TestSupport", dependencies: ["Analysis", "Benchmark"], path: "Tests/TestSupport"),
        .testTarget(name: "SearchSpaceTests", dependencies: ["SearchSpace"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], resources: [.copy("Golden")]),
        .testTarget(name: "BenchmarkTests", dependencies: ["Benchmark", "SearchSpace"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LandscapeTests", dependencies: ["Landscape", "SearchSpace", "Statistics", "Benchmark"], resources: [.copy("Golden")]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "SearchSpace", "Statistics", "Benchmark"]),
        .testTarget(name: "AlgorithmsTests", dependencies: ["Algorithms", "SearchSpace", "Statistics"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Benchmark", "Search", "Statistics", "TestSupport"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "CZlib"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Analysis", "Plotting", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Analysis", "Benchmark", "Figures", "TestSupport"]),
        .testTarget(name: "NASReachCLITests", dependencies: ["NASReachCLI", "Analysis", "Figures", "Report", "TestSupport"], resources: [.copy("BadInputs")]),
    ]
)
