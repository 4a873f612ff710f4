// swift-tools-version: 6.1
// Limn: see README.md and Docs/Architecture.md.
import PackageDescription

/// Opt-in: `LIMN_TARGET_CPU=haswell swift build -c release` compiles Limn's Swift for that CPU (on the
/// build machine, AVX2 and FMA make Lanczos resampling about twice as fast; see Benchmarks/README.md).
/// The result runs only on such CPUs, and a package with unsafe flags cannot be a dependency, so this is
/// for building the `limn` command for known machines. By default the build targets every x86-64.
let targetCPU: [SwiftSetting] = Context.environment["LIMN_TARGET_CPU"].map { [.unsafeFlags(["-target-cpu", $0])] } ?? []

/// `LIMN_FUZZ=1` adds the fuzz targets (Fuzz/): one libFuzzer binary, `LimnFuzz`, built by Scripts/fuzz
/// with `--sanitize=fuzzer --sanitize=address`. Without the variable the package has no trace of them.
let fuzzTargets: [Target] =
    Context.environment["LIMN_FUZZ"] == nil
    ? []
    : [
        .executableTarget(name: "LimnFuzz", dependencies: ["Limn", "LimnCommands", "LimnTestSupport"], path: "Fuzz/LimnFuzz")
    ]

/// The `limn` executable allocates with jemalloc on Linux (see its target), except in a sanitizer
/// build: jemalloc's C++ `operator new` bypasses the sanitizer's allocator, whose `free` then reports
/// libheif's objects as bad frees. Sanitizer builds set `LIMN_SANITIZER` (address, thread), as
/// .ci/run does; the tests read the same variable.
let allocator: [LinkerSetting] =
    Context.environment["LIMN_SANITIZER"] == nil ? [.linkedLibrary("jemalloc", .when(platforms: [.linux]))] : []

let package = Package(
    name: "Limn",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Limn", targets: ["Limn"]),
        .library(name: "LimnGeometry", targets: ["LimnGeometry"]),
        .library(name: "LimnRaster", targets: ["LimnRaster"]),
        .library(name: "LimnCodecs", targets: ["LimnCodecs"]),
        .library(name: "LimnResults", targets: ["LimnResults"]),
        .library(name: "LimnText", targets: ["LimnText"]),
        .library(name: "LimnAnnotate", targets: ["LimnAnnotate"]),
        .executable(name: "limn", targets: ["LimnCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` for the DocC catalogues (Scripts/docs); a plugin
        // only, so nothing of it is linked into a product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System libraries: module maps and include-only shims, found through pkg-config.
        .systemLibrary(
            name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(
            name: "CJPEG", path: "Sources/CJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"]), .brew(["jpeg-turbo"])]),
        .systemLibrary(
            name: "CDeflate", path: "Sources/CDeflate", pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]),
        .systemLibrary(
            name: "CWebP", path: "Sources/CWebP", pkgConfig: "libwebpdemux",
            providers: [.apt(["libwebp-dev"]), .brew(["webp"])]),
        .systemLibrary(
            name: "CGIF", path: "Sources/CGIF", pkgConfig: "libgif",
            providers: [.apt(["libgif-dev"]), .brew(["giflib"])]),
        .systemLibrary(
            name: "CTIFF", path: "Sources/CTIFF", pkgConfig: "libtiff-4",
            providers: [.apt(["libtiff-dev"]), .brew(["libtiff"])]),
        .systemLibrary(
            name: "CHeif", path: "Sources/CHeif", pkgConfig: "libheif",
            providers: [.apt(["libheif-dev"]), .brew(["libheif"])]),
        .systemLibrary(
            name: "CLCMS2", path: "Sources/CLCMS2", pkgConfig: "lcms2",
            providers: [.apt(["liblcms2-dev"]), .brew(["little-cms2"])]),
        .systemLibrary(
            name: "CFreeType", path: "Sources/CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"]), .brew(["freetype"])]),
        .systemLibrary(
            name: "CHarfBuzz", path: "Sources/CHarfBuzz", pkgConfig: "harfbuzz",
            providers: [.apt(["libharfbuzz-dev"]), .brew(["harfbuzz"])]),
        .systemLibrary(
            name: "CFribidi", path: "Sources/CFribidi", pkgConfig: "fribidi",
            providers: [.apt(["libfribidi-dev"]), .brew(["fribidi"])]),
        .systemLibrary(
            name: "CFontconfig", path: "Sources/CFontconfig", pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig1-dev"]), .brew(["fontconfig"])]),

        .target(name: "LimnGeometry"),
        .target(name: "LimnRaster", dependencies: ["LimnGeometry"], swiftSettings: targetCPU),
        // The two C sources: libjpeg's own API for decoding in bands and for optimized Huffman tables
        // (its setjmp must be in C).
        .target(name: "CJPEGRows", dependencies: ["CJPEG"], linkerSettings: [.linkedLibrary("jpeg")]),
        .target(name: "CJPEGCompress", dependencies: ["CJPEG"], linkerSettings: [.linkedLibrary("jpeg")]),
        .target(
            name: "LimnCodecs",
            dependencies: [
                "LimnRaster", "CPNG", "CDeflate", "CJPEG", "CJPEGRows", "CJPEGCompress", "CWebP", "CGIF", "CTIFF", "CHeif", "CLCMS2",
            ], swiftSettings: targetCPU),
        .target(
            name: "LimnText", dependencies: ["LimnRaster", "CFreeType", "CHarfBuzz", "CFribidi", "CFontconfig"], swiftSettings: targetCPU),
        .target(name: "LimnResults", dependencies: ["LimnGeometry"]),
        .target(name: "LimnAnnotate", dependencies: ["LimnRaster", "LimnText", "LimnResults"], swiftSettings: targetCPU),
        .target(name: "Limn", dependencies: ["LimnRaster", "LimnCodecs", "LimnResults", "LimnText", "LimnAnnotate"]),
        // The command's code is a library so that the fuzz targets reach its manifest parser; the
        // executable is one line.
        .target(
            name: "LimnCommands",
            dependencies: ["Limn", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // On Linux the command allocates with jemalloc: a batch's threads take turns with
        // pictures of every size, which fragments glibc's per-thread arenas until each job pays
        // for it (10,000 jobs: 363 jobs/s at the first thousand, 140 at the last; with jemalloc
        // 473 and 454). The library leaves the allocator to the program that links it.
        .executableTarget(name: "LimnCLI", dependencies: ["LimnCommands"], linkerSettings: allocator),

        // Test pictures: the patterns (shared with the tests) and the generator that writes TestImages/.
        .target(name: "LimnTestSupport", dependencies: ["LimnRaster", "LimnCodecs", "LimnText", "LimnResults", "CGIF", "CLCMS2"]),
        .executableTarget(name: "TestImageGenerator", dependencies: ["LimnTestSupport", "LimnCodecs"]),

        .testTarget(name: "LimnGeometryTests", dependencies: ["LimnGeometry"]),
        .testTarget(name: "LimnRasterTests", dependencies: ["LimnRaster", "LimnTestSupport"]),
        .testTarget(name: "LimnCodecsTests", dependencies: ["LimnCodecs", "LimnTestSupport", "Limn"]),
        .testTarget(name: "LimnCLITests", dependencies: ["LimnCLI", "LimnTestSupport"]),
        .testTarget(name: "LimnResultsTests", dependencies: ["LimnResults", "LimnTestSupport"]),
        .testTarget(name: "LimnTests", dependencies: ["Limn", "LimnTestSupport"]),
        .testTarget(name: "LimnTextTests", dependencies: ["LimnText", "LimnTestSupport"]),
        .testTarget(name: "LimnAnnotateTests", dependencies: ["LimnAnnotate", "LimnCodecs", "LimnTestSupport"]),
    ] + fuzzTargets
)
