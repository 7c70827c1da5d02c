// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The actorgraph binary allocates through tcmalloc where it is installed (`make deps`
/// installs it on Debian and Ubuntu). A corpus run hands every article from the reading
/// thread to a worker and every graph from the worker to the merging thread, so memory is
/// freed on other threads than the ones that took it; glibc's allocator then locks the
/// arena of the thread that took it, and the threads wait on each other in the kernel.
/// With tcmalloc a one-job run of the benchmark corpus takes about a tenth less time.
/// `ACTORGRAPH_SYSTEM_MALLOC=1` builds with the system's allocator.
let tcmallocInstalled = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]
    .contains { FileManager.default.fileExists(atPath: "\($0)/libtcmalloc_minimal.so.4") }
let allocator: [LinkerSetting] = tcmallocInstalled && Context.environment["ACTORGRAPH_SYSTEM_MALLOC"] == nil
    ? [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]
    : []

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
            ],
            linkerSettings: allocator
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
