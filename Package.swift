// swift-tools-version:6.0
// respgraph: responsibility graphs of multi-agency government task lists.
// No package dependencies: only the toolchain's Foundation, Dispatch and Swift Testing.
import PackageDescription

let package = Package(
    name: "respgraph",
    products: [
        .library(name: "RespGraph", targets: ["RespGraphModel", "RespGraphImport", "RespGraphAnalysis", "RespGraphExport", "RespGraphReports", "RespGraphData", "RespGraphCLI"]),
        .executable(name: "respgraph", targets: ["respgraph"]),
        .executable(name: "respgraph-bench", targets: ["respgraph-bench"]),
    ],
    targets: [
        // MARK: Library modules; every arrow points toward the model.
        .target(name: "RespGraphModel"),
        .target(name: "RespGraphImport", dependencies: ["RespGraphModel"]),
        .target(name: "RespGraphAnalysis", dependencies: ["RespGraphModel"]),
        // Writers of the formats analysts load elsewhere, over the model alone, each given the numbers it writes.
        .target(name: "RespGraphExport", dependencies: ["RespGraphModel"]),
        // What composes analysis into a product: the research report, the explorer, the matrix page, the workbook.
        .target(name: "RespGraphReports", dependencies: ["RespGraphModel", "RespGraphAnalysis", "RespGraphExport"], exclude: ["Explorer/Assets"]),
        // The curated Graphs/ data compiled in, so the tool works from any directory.
        .target(name: "RespGraphData"),
        // Commands, option parsing and terminal tables; a library so tests can call it.
        .target(name: "RespGraphCLI", dependencies: ["RespGraphModel", "RespGraphImport", "RespGraphAnalysis", "RespGraphExport", "RespGraphReports", "RespGraphData"]),

        // MARK: Executables
        .executableTarget(name: "respgraph", dependencies: ["RespGraphCLI"]),
        // Benchmarks, apart from the tests: swift run -c release respgraph-bench
        .executableTarget(name: "respgraph-bench", dependencies: ["RespGraphModel", "RespGraphImport", "RespGraphAnalysis"]),

        // MARK: Tests
        .target(name: "RespGraphTestSupport", dependencies: ["RespGraphModel"], path: "Sources/RespGraphTestSupport"),
        .testTarget(name: "RespGraphModelTests", dependencies: ["RespGraphModel", "RespGraphTestSupport"]),
        .testTarget(name: "RespGraphImportTests", dependencies: ["RespGraphImport", "RespGraphModel", "RespGraphData", "RespGraphTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RespGraphAnalysisTests", dependencies: ["RespGraphAnalysis", "RespGraphImport", "RespGraphModel", "RespGraphData", "RespGraphTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "RespGraphExportTests", dependencies: ["RespGraphExport", "RespGraphImport", "RespGraphModel", "RespGraphData"]),
        .testTarget(name: "RespGraphReportsTests", dependencies: ["RespGraphReports", "RespGraphExport", "RespGraphAnalysis", "RespGraphImport", "RespGraphModel", "RespGraphData"]),
        .testTarget(name: "RespGraphCLITests", dependencies: ["RespGraphCLI", "RespGraphExport", "RespGraphReports", "RespGraphImport", "RespGraphModel", "RespGraphData", "RespGraphTestSupport"],
                    exclude: ["Golden", "Explorer", "ResearchFormats"]),
    ]
)
