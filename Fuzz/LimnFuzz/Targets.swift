// limn-fuzz: Limn's fuzz targets in one libFuzzer binary. The first argument names the target;
// the rest are libFuzzer's (corpus folders, -max_total_time=…). Built by Scripts/fuzz with
// `LIMN_FUZZ=1 swift build --sanitize=fuzzer --sanitize=address`, which links libFuzzer's own
// `main`; see Fuzz/README.md.
import Foundation

/// Every target, by the name Scripts/fuzz passes. A target must not crash, leak or allocate
/// beyond what its input's declared picture needs, whatever the bytes; it may fail with an error.
let targets: [String: @Sendable (UnsafeRawBufferPointer) -> Void] = [
    "image": ImageTargets.detected,
    "image-forced": ImageTargets.forced,
    "matte": ImageTargets.matte,
    "result": ResultTargets.detected,
    "result-forced": ResultTargets.forced,
    "manifest": ManifestTarget.run,
    "annotate": AnnotateTarget.run,
]

/// Set once, by `LLVMFuzzerInitialize`, before the first input.
nonisolated(unsafe) var selected: (UnsafeRawBufferPointer) -> Void = { _ in }

/// Takes the target's name off the front of the arguments, before libFuzzer reads them, and
/// leaves it in `LIMN_FUZZ_TARGET` for the copies of itself libFuzzer starts (`-fork`,
/// `-minimize_crash`), which get the arguments without it.
@_cdecl("LLVMFuzzerInitialize")
func initialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
)
    -> Int32
{
    let given = (0..<Int(argc.pointee)).map { argv.pointee[$0].map { String(cString: $0) } ?? "" }
    if given.count == 3, given[1] == "seeds" {
        do { try Seeds.write(to: given[2]) } catch { FileHandle.standardError.write(Data("seeds: \(error)\n".utf8)); exit(1) }
        exit(0)
    }
    if given.count >= 2, targets[given[1]] != nil {
        setenv("LIMN_FUZZ_TARGET", given[1], 1)
        for i in 1..<Int(argc.pointee) { argv.pointee[i] = argv.pointee[i + 1] }  // argv[argc] is nil
        argc.pointee -= 1
    }
    guard let name = getenv("LIMN_FUZZ_TARGET").map({ String(cString: $0) }), let target = targets[name] else {
        FileHandle.standardError.write(
            Data(
                "usage: LimnFuzz TARGET [libFuzzer options] [corpus…] | LimnFuzz seeds FOLDER\ntargets: \(targets.keys.sorted().joined(separator: " "))\n"
                    .utf8))
        exit(2)
    }
    selected = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
