// The Annotate benchmarks: every task of this area from BenchSupport, under package-benchmark.
// Inputs are prepared (or reused) before registration; only the task body is measured.
import Benchmark
import BenchRegistration

let benchmarks: @Sendable () -> Void = {
    registerLimnBenchmarks(area: .annotate)
}
