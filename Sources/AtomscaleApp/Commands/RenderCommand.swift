import AtomscaleAPI
import Foundation
import ImageKit

/// `render SOURCE`: one frame as coloured half-block cells on stdout, without ncurses.
/// SOURCE is a PNG file, or an image_uuid fetched through the API (a path that exists wins).
enum RenderCommand {
    static func run(_ argv: [String], environment: [String: String], output: Output) async throws -> Int32 {
        let args = try Arguments.parse(argv, spec: .global.adding(options: ["--width", "--height", "--colors"]))
        if args.has("--help") || args.has("-h") { output.print(Usage.render); return 0 }
        if args.has("--version") { output.print(Usage.version); return 0 }
        guard args.positionals.count == 1, let source = args.positionals.first, !source.isEmpty else {
            throw UsageError("render needs exactly one SOURCE (a PNG file or an image_uuid)")
        }
        let window = TerminalWindow.size()
        let width = try args.int("--width", in: 1...2000) ?? window?.columns ?? 80
        let height = try args.int("--height", in: 1...1000) ?? max(1, (window?.rows ?? 25) - 1)
        let mode = try colorMode(args.value("--colors"), environment: environment)

        let data: Data
        if FileManager.default.fileExists(atPath: source) {
            guard let bytes = FileManager.default.contents(atPath: source) else {
                throw RuntimeError("cannot read \(source)")
            }
            data = bytes
        } else if source.contains("/") || source.lowercased().hasSuffix(".png") {
            throw RuntimeError("no such file: \(source)")
        } else {
            let setup = try ServiceSetup.make(args, environment: environment,
                                              config: try ConfigFile.load(environment: environment))
            defer { setup.stop() }
            data = try await setup.service.imageData(imageUUID: source)
        }
        let image: RGBImage
        do { image = try PNGDecoder.decode(data) } catch { throw RuntimeError("\(source): \(error.message)") }
        let cells = CellScaler.fit(image, columns: width, rows: height)
        output.write(ANSIImageWriter.render(cells, mode: mode))
        return 0
    }

    static func colorMode(_ flag: String?, environment: [String: String]) throws(UsageError) -> ColorMode {
        switch flag {
        case nil:
            // Without ncurses, terminfo's colour count is not at hand; TERM tells enough.
            let term = environment["TERM"] ?? ""
            let colors = term.contains("256color") || term.contains("kitty") || term.contains("direct") ? 256
                : (term.isEmpty || term == "dumb" ? 0 : 8)
            return ColorMode.detect(environment: environment, terminalColors: colors)
        case "truecolor": return .truecolor
        case "256": return .palette256
        case "16": return .ansi16
        case "none": return .mono
        case let other?: throw UsageError("--colors must be truecolor, 256, 16 or none, not '\(other)'")
        }
    }
}

/// The size of the terminal on stdout, if stdout is one.
enum TerminalWindow {
    static func size() -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }
}
