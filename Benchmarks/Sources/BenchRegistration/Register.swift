import BenchSupport
import Benchmark
import Foundation

/// Registers every task of `area` with package-benchmark: wall clock, CPU time, malloc count and
/// peak resident memory; at most 3 s or 25 iterations per task.
public func registerLimnBenchmarks(area: BenchTask.Area) {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 25)
    let tasks: [BenchTask]
    do {
        let inputs = BenchInputs()
        try inputs.prepare()
        tasks = try LimnTasks.all(inputs).filter { $0.area == area }
    } catch {
        FileHandle.standardError.write(Data("benchmark inputs: \(error)\n".utf8))
        return
    }
    // package-benchmark counts its own allocations in every sample too: an empty body shows the
    // baseline to subtract (a task that allocates nothing shows the same count).
    Benchmark("baseline empty body") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(benchmark) }
    }
    for task in tasks {
        Benchmark("\(task.task) \(task.name)") { benchmark in
            for _ in benchmark.scaledIterations {
                try task.run()
            }
        }
    }
}
