// atomscale-bench: release-build performance figures for docs/performance.md.
// Usage: atomscale-bench <benchmark> [options]; `atomscale-bench help` lists them.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "help", name != "--help", name != "-h" else {
    print(BenchmarkRegistry.usage)
    exit(arguments.isEmpty ? 2 : 0)
}
guard let benchmark = BenchmarkRegistry.all.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data("unknown benchmark '\(name)'\n\n\(BenchmarkRegistry.usage)\n".utf8))
    exit(2)
}
do {
    try benchmark.run(BenchmarkArguments(Array(arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("atomscale-bench \(name): \(error)\n".utf8))
    exit(1)
}
