import Foundation
import LimnRaster
import LimnText
import Testing

/// Engines made and dropped on many threads at once, besides the shared one: FreeType requires
/// face creation and disposal on one library to be serialised, whichever engine owns the face.
/// Without that, this crashed (SIGSEGV in `FT_List_Find` under `FT_Done_Face`).
@Suite struct EngineLifetimeTests {
    @Test func enginesMadeAndDroppedOnEightThreadsNeverCrash() throws {
        // 12,000 engines in all: before the fix, about half the runs of this many crashed.
        let threads = 8, rounds = Int(ProcessInfo.processInfo.environment["LIMN_ENGINE_ROUNDS"] ?? "") ?? 1500
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for round in 0..<rounds {
                // Ten scripts: about ten font files loaded, so ten faces made and freed per round.
                let engine = TextEngine()
                let text = "Limn \(t) 日本 مرحبا नमस्ते שלום ไทย ქართ Հայ বাংলা தமிழ் \(round)"
                do {
                    let line = try engine.layout(text, font: Font(family: "sans-serif", size: Double(10 + (t + round) % 7)))
                    if line.glyphs.isEmpty { failures.add("thread \(t) round \(round): no glyphs") }
                    _ = engine.bitmaps(of: line)
                    // The shared engine is used at the same time, as the annotator does.
                    _ = try TextEngine.shared.layout("shared \(round)", font: Font(family: "sans-serif", size: 11))
                } catch {
                    failures.add("thread \(t) round \(round): \(error)")
                }
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.prefix(3))")
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var list: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
