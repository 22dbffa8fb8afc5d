import Foundation

/// One named benchmark. To add one: conform a type and list it in `BenchmarkRegistry.all`.
protocol Benchmark: Sendable {
    var name: String { get }
    var summary: String { get }
    /// Options after the benchmark name, for the usage text.
    var optionsHelp: String { get }
    func run(_ arguments: BenchmarkArguments) throws
}

enum BenchmarkRegistry {
    static let all: [any Benchmark] = [FramesBenchmark(), PlayerBenchmark(), LaunchBenchmark(), FilterBenchmark(), KeysBenchmark(), IdleBenchmark(), MemoryBenchmark()]

    static var usage: String {
        var text = "usage: atomscale-bench <benchmark> [options]\n\nbenchmarks:\n"
        for benchmark in all {
            text += "  \(benchmark.name)  \(benchmark.summary)\n      options: \(benchmark.optionsHelp)\n"
        }
        text += "\nBuild in release for meaningful figures: swift build -c release --product atomscale-bench"
        return text
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
}

/// `--name value` and `--flag` options, shared by every benchmark.
struct BenchmarkArguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw BenchmarkError(description: "unexpected argument '\(argument)'") }
            let key = String(argument.dropFirst(2))
            if index + 1 < arguments.count && !arguments[index + 1].hasPrefix("--") {
                values[key] = arguments[index + 1]
                index += 2
            } else {
                flags.insert(key)
                index += 1
            }
        }
    }

    func int(_ key: String, default value: Int) throws -> Int {
        guard let text = values[key] else { return value }
        guard let number = Int(text), number > 0 else {
            throw BenchmarkError(description: "--\(key) needs a positive whole number, got '\(text)'")
        }
        return number
    }

    func flag(_ key: String) -> Bool { flags.contains(key) }

    func string(_ key: String) -> String? { values[key] }
}

/// Timing helpers. Medians, because a shared 2-core machine produces outliers that
/// would dominate a mean.
enum Stopwatch {
    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ samples: [Double]) -> Double {
        precondition(!samples.isEmpty, "median of no samples")
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The p-th percentile (0...100), nearest rank.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        precondition(!samples.isEmpty, "percentile of no samples")
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(0, rank), sorted.count - 1)]
    }

    static func medianInt(_ samples: [Int]) -> Int { Int(median(samples.map(Double.init))) }

    static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.2f ms", seconds * 1000)
    }
}
