// limn-tasks: times Limn's benchmark tasks in-process and prints one JSON line per case, for
// Benchmarks/compare to set beside the peers. Same inputs and bodies as the package-benchmark suite.
//
//   limn-tasks [--inputs DIR] [--only T1,T2] [--min-time SECONDS] [--runs N] [--threads N] [--files A,B]
//   limn-tasks --chart SPEC.json OUT.png      (compare --chart: the ratios as a bar chart, drawn by Limn)
//
// `--only J4 --files a.png,b.jpg`: PNG writing at every level on those pictures, with the bytes.
import BenchSupport
import Foundation
import Limn

var folder: String?
var only: Set<String>?
var minTime = 1.0
var minRuns = 7
var files: [String] = []
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--chart" {
    do {
        let spec = try JSONDecoder().decode(Chart.Spec.self, from: Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[2])))
        try Chart.draw(spec).write(to: CommandLine.arguments[3], as: .png(PNGOptions(compression: .compact)))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("limn-tasks: chart: \(error)\n".utf8))
        exit(1)
    }
}
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--inputs": folder = arguments.next()
    case "--only": only = Set((arguments.next() ?? "").split(separator: ",").map(String.init))
    case "--min-time": minTime = Double(arguments.next() ?? "") ?? minTime
    case "--runs": minRuns = Int(arguments.next() ?? "") ?? minRuns
    case "--files": files = (arguments.next() ?? "").split(separator: ",").map(String.init)
    case "--threads": Parallelism.maximumThreads = Int(arguments.next() ?? "") ?? Parallelism.maximumThreads
    default:
        FileHandle.standardError.write(Data("limn-tasks: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

do {
    let inputs = BenchInputs(folder: folder)
    let made = try inputs.prepare()
    if !made.isEmpty { FileHandle.standardError.write(Data("made inputs in \(inputs.folder): \(made.joined(separator: ", "))\n".utf8)) }
    for task in try LimnTasks.all(inputs, only: only, files: files) {
        for _ in 0..<2 { try task.run() }  // warm-up
        var samples: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        while samples.count < minRuns || (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < minTime && samples.count < 60) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try task.run()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        samples.sort()
        let median =
            samples.count % 2 == 1
            ? samples[samples.count / 2]
            : (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2
        var row: [String: Any] = [
            "peer": "limn", "task": task.task, "case": task.name, "desc": task.summary, "threads": Parallelism.maximumThreads,
            "median_ms": median, "min_ms": samples[0], "runs": samples.count,
            "mpix_s": Double(task.pixels) / 1e6 / (median / 1e3),
        ]
        for (key, value) in task.details { row[key] = value }
        if let bytes = task.outputBytes { row["bytes"] = try bytes() }
        let json = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        FileHandle.standardOutput.write(json + Data("\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("limn-tasks: \(error)\n".utf8))
    exit(1)
}
