// swift-tools-version: 6.1
// Limn's benchmarks: a nested package, so library users never resolve package-benchmark.
//   cd Benchmarks && swift package benchmark        (all areas)
//   Benchmarks/compare                              (Limn beside libvips, Pillow, OpenCV, libjpeg-turbo, cwebp)
import PackageDescription

/// One package-benchmark executable per area, each in `Benchmarks/<Area>/<Area>.swift`.
let areas = ["Codecs", "Composite", "Pipeline"]

let package = Package(
    name: "LimnBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Limn", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "Limn", package: "Limn"), .product(name: "Benchmark", package: "benchmark")],
            path: "Sources/BenchSupport"),
        .executableTarget(name: "limn-tasks", dependencies: ["BenchSupport"], path: "LimnTasks"),
    ] + areas.map { area in
        .executableTarget(
            name: area,
            dependencies: ["BenchSupport", .product(name: "Benchmark", package: "benchmark")],
            path: area,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
    }
)
