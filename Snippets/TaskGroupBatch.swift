// Annotates every picture of a folder that has a result beside it, four at a time: a task group
// that starts the next job as one ends, so memory stays that of four pictures.
import Foundation
import Limn

let folder = "TestImages/scene"
let pictures = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
    $0.hasSuffix(".png") && FileManager.default.fileExists(atPath: "TestImages/results/azure40-\($0.dropLast(4)).json")
}
try await withThrowingTaskGroup(of: String.self) { group in
    var next = pictures.makeIterator()
    func add() {
        guard let name = next.next() else { return }
        group.addTask {
            let stem = String(name.dropLast(4))
            try await Jobs.annotate(
                imageFile: "\(folder)/\(name)", resultFile: "TestImages/results/azure40-\(stem).json",
                output: "annotated/\(stem).png")
            return name
        }
    }
    for _ in 0..<4 { add() }
    while let done = try await group.next() {
        print("annotated", done)
        add()
    }
}
