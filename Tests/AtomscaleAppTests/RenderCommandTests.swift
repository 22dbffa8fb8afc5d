import Foundation
import ImageKit
import Testing
@testable import AtomscaleApp

@Suite struct RenderCommandTests {
    static func png(width: Int, height: Int, _ colour: (Int, Int) -> (UInt8, UInt8, UInt8)) throws -> String {
        var pixels: [UInt8] = []
        for y in 0..<height { for x in 0..<width { let c = colour(x, y); pixels += [c.0, c.1, c.2] } }
        let data = try PNGEncoder.encode(RGBImage(width: width, height: height, pixels: pixels))
        let path = NSTemporaryDirectory() + "render-\(UUID().uuidString).png"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func run(_ args: [String], env: [String: String] = ["TERM": "xterm-256color"]) async -> ListCommandsTests.Run {
        await ListCommandsTests.run(["render"] + args, env: env)
    }

    @Test func redImageBecomesPalette196CellsInTheRequestedBox() async throws {
        let path = try Self.png(width: 40, height: 20) { _, _ in (255, 0, 0) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = await Self.run([path, "--width", "10", "--height", "5", "--colors", "256"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
        #expect(r.stdout.contains("38;5;196"))
        #expect(r.stdout.contains("▀"))
    }

    @Test func noColourMeansNoEscapeSequencesAtAll() async throws {
        let path = try Self.png(width: 16, height: 16) { x, _ in x < 8 ? (0, 0, 0) : (255, 255, 255) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = await Self.run([path, "--width", "8", "--height", "4", "--colors", "none"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}"))
        // Left half dark, right half bright: the shading differs across the row.
        let first = Array(r.stdout.split(separator: "\n")[0])
        #expect(first.first != first.last)
    }

    @Test func truecolourWritesTheExactColour() async throws {
        let path = try Self.png(width: 4, height: 4) { _, _ in (12, 34, 56) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = await Self.run([path, "--width", "2", "--height", "1", "--colors", "truecolor"])
        // Both halves of every cell are the same colour, so the writer draws spaces on that
        // background (no hairline gaps between block glyphs): the colour appears as 48;2.
        #expect(r.stdout.contains("48;2;12;34;56"), "\(r.stdout.debugDescription)")
    }

    @Test func brokenAndMissingFilesAreClearRuntimeErrors() async throws {
        let path = NSTemporaryDirectory() + "broken-\(UUID().uuidString).png"
        try Data("definitely not a png".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let broken = await Self.run([path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(path) && broken.stdout.isEmpty)
        let missing = await Self.run(["/nonexistent/frame.png"])
        #expect(missing.status == 1 && missing.stderr.contains("no such file"))
        let bad = await Self.run([path, "--colors", "rainbow"])
        #expect(bad.status == 2)
    }
}
