// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "actorgraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ActorGraph", targets: ["ActorGraph"]),
        .library(name: "ActorExtraction", targets: ["ActorExtraction"]),
        .library(name: "GraphRendering", targets: ["GraphRendering"]),
        .executable(name: "actorgraph", targets: ["actorgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "ActorGraph"),
        .target(
            name: "ActorExtraction",
            dependencies: ["ActorGraph", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "GraphRendering", dependencies: ["ActorGraph", "CGraphviz"]),
        .executableTarget(
            name: "actorgraph",
            dependencies: [
                "ActorGraph", "ActorExtraction", "GraphRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "actorgraph-bench", dependencies: ["ActorGraph", "ActorExtraction", "GraphRendering"]),
        // `make fuzz` builds it with libFuzzer; an ordinary build replays saved inputs.
        .executableTarget(name: "actorgraph-fuzz", dependencies: ["ActorGraph", "ActorExtraction", "GraphRendering", "CGraphviz"]),
        .target(name: "TestSupport", dependencies: ["ActorGraph"], path: "Tests/TestSupport"),
        .testTarget(name: "ActorGraphTests", dependencies: ["ActorGraph", "TestSupport"]),
        .testTarget(
            name: "ActorExtractionTests",
            dependencies: ["ActorExtraction", "ActorGraph", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GraphRenderingTests", dependencies: ["GraphRendering", "ActorGraph", "TestSupport"]),
        .testTarget(name: "actorgraphTests", dependencies: ["actorgraph", "ActorGraph", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
