// swift-tools-version: 6.1
// Limn's benchmarks: a nested package, so library users never resolve package-benchmark.
//   cd Benchmarks && swift package benchmark        (all areas)
//   Benchmarks/compare                              (Limn beside libvips, Pillow, OpenCV, libjpeg-turbo, cwebp)
import PackageDescription

/// One package-benchmark executable per area, each in `Benchmarks/<Area>/<Area>.swift`.
let areas = ["Codecs", "Resize", "Composite", "Draw", "Annotate", "Pipeline"]

let package = Package(
    name: "LimnBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Limn", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Inputs and task bodies, shared by the areas and by limn-tasks. The plugin runs every
        // executable whose folder sits in a folder named Benchmarks, so limn-tasks lives in Sources/.
        .target(
            name: "BenchSupport", dependencies: [.product(name: "Limn", package: "Limn"), .product(name: "LimnText", package: "Limn")],
            path: "Sources/BenchSupport"),
        .target(
            name: "BenchRegistration",
            dependencies: ["BenchSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Sources/BenchRegistration"),
        .executableTarget(
            name: "limn-tasks", dependencies: ["BenchSupport", .product(name: "Limn", package: "Limn")], path: "Sources/LimnTasks"),
    ]
        + areas.map { area in
            .executableTarget(
                name: area,
                dependencies: ["BenchRegistration", .product(name: "Benchmark", package: "benchmark")],
                path: area,
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
        }
)
