import LimnCommands

/// The batch manifest parser: every line parsed into its job by the subcommands' own option
/// declarations (what `limn batch --check` does), reading no file and running nothing.
enum ManifestTarget {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let manifest = Manifest(text: String(decoding: bytes, as: UTF8.self), source: "fuzz", base: "/nonexistent")
        _ = manifest.problems()
        if let shard = try? Manifest.Shard(String(decoding: bytes.prefix(8), as: UTF8.self)) { _ = manifest.problems(shard: shard) }
    }
}
