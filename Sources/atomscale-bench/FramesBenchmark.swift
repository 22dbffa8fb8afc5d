import Foundation
import ImageKit

/// Time from PNG file to ANSI text, the path behind `atomscale-tui render`, and chafa
/// doing the same job on the same files.
struct FramesBenchmark: Benchmark {
    let name = "frames"
    let summary = "PNG decode + cell scaling + 256-colour ANSI render, compared with chafa"
    let optionsHelp = "[--iterations N] (default 15)  [--keep-files]  [--no-chafa]"

    private static let frameSizes = [(1920, 1080), (1280, 720), (640, 480)]
    private static let cellBoxes = [(80, 24), (200, 60)]

    func run(_ arguments: BenchmarkArguments) throws {
        let iterations = try arguments.int("iterations", default: 15)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("atomscale-bench-frames-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            if arguments.flag("keep-files") {
                print("\nfiles kept in \(directory.path)")
            } else {
                try? FileManager.default.removeItem(at: directory)
            }
        }

        print("# frames benchmark, \(iterations) iterations per figure (median)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
        let files = try writeFrames(to: directory)

        let chafa = arguments.flag("no-chafa") ? nil : ExternalTool.find("chafa")
        var chafaStartup: Double?
        if let chafa {
            chafaStartup = try Stopwatch.median((0..<iterations).map { _ in
                try Stopwatch.seconds { try ExternalTool.run(chafa, ["--version"]) }
            })
            print("chafa: \(chafa); start-up alone (`chafa --version`): \(Stopwatch.milliseconds(chafaStartup!))")
        } else {
            print("chafa not installed: only our figures are reported")
        }

        print("")
        print("| frame | cells | decode | scale | render | ours total | chafa | ours/chafa |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        var outputBytes = 0
        for file in files {
            for (columns, rows) in Self.cellBoxes {
                let ours = try measureOurs(file.url, columns: columns, rows: rows, iterations: iterations)
                outputBytes += ours.outputBytes
                var chafaText = "not installed", ratioText = "-"
                if let chafa {
                    let chafaTime = try Stopwatch.median((0..<iterations).map { _ in
                        try Stopwatch.seconds {
                            try ExternalTool.run(chafa, ["--symbols", "vhalf", "--colors", "256",
                                                         "--size", "\(columns)x\(rows)", file.url.path])
                        }
                    })
                    chafaText = Stopwatch.milliseconds(chafaTime)
                    ratioText = String(format: "%.2f", ours.total / chafaTime)
                }
                print("| \(file.width)x\(file.height) (\(file.bytes / 1024) KiB) | \(columns)x\(rows) "
                    + "| \(Stopwatch.milliseconds(ours.decode)) | \(Stopwatch.milliseconds(ours.scale)) "
                    + "| \(Stopwatch.milliseconds(ours.render)) | \(Stopwatch.milliseconds(ours.total)) "
                    + "| \(chafaText) | \(ratioText) |")
            }
        }
        print("\nours: in-process, file read + decode + scale + render (medians of each phase and of the total);")
        print("chafa: one process per run, start-up included, output read from a pipe.")
        print("(\(outputBytes) bytes of ANSI produced in the last iterations)")
    }

    private struct FrameFile {
        let url: URL
        let width: Int
        let height: Int
        let bytes: Int
    }

    private func writeFrames(to directory: URL) throws -> [FrameFile] {
        try Self.frameSizes.enumerated().map { index, size in
            let image = SyntheticFrame.make(width: size.0, height: size.1, seed: UInt64(index + 1))
            let data = try PNGEncoder.encode(image)
            let url = directory.appendingPathComponent("frame-\(size.0)x\(size.1).png")
            try data.write(to: url)
            return FrameFile(url: url, width: size.0, height: size.1, bytes: data.count)
        }
    }

    private struct Figures {
        var decode = 0.0, scale = 0.0, render = 0.0, total = 0.0
        var outputBytes = 0
    }

    private func measureOurs(_ url: URL, columns: Int, rows: Int, iterations: Int) throws -> Figures {
        var decode: [Double] = [], scale: [Double] = [], render: [Double] = [], total: [Double] = []
        var figures = Figures()
        // One extra untimed run first so page faults of the first allocation don't count.
        for iteration in 0...iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            let data = try Data(contentsOf: url)
            let image = try PNGDecoder.decode(data)
            let decoded = DispatchTime.now().uptimeNanoseconds
            let cells = CellScaler.fit(image, columns: columns, rows: rows)
            let scaled = DispatchTime.now().uptimeNanoseconds
            let text = ANSIImageWriter.render(cells, mode: .palette256)
            let rendered = DispatchTime.now().uptimeNanoseconds
            guard text.utf8.reduce(0, { $0 + ($1 == 10 ? 1 : 0) }) == rows else {
                throw BenchmarkError(description: "render produced the wrong number of lines")
            }
            figures.outputBytes = text.utf8.count
            if iteration == 0 { continue }
            decode.append(Double(decoded - start) / 1e9)
            scale.append(Double(scaled - decoded) / 1e9)
            render.append(Double(rendered - scaled) / 1e9)
            total.append(Double(rendered - start) / 1e9)
        }
        figures.decode = Stopwatch.median(decode)
        figures.scale = Stopwatch.median(scale)
        figures.render = Stopwatch.median(render)
        figures.total = Stopwatch.median(total)
        return figures
    }
}
