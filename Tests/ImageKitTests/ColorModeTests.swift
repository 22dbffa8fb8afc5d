import Testing
@testable import ImageKit

@Suite("Colour modes and quantisation")
struct ColorModeTests {
    @Test func detection() {
        #expect(ColorMode.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminalColors: 256) == .mono)
        #expect(ColorMode.detect(environment: ["NO_COLOR": "", "COLORTERM": "truecolor"], terminalColors: 8) == .truecolor)
        #expect(ColorMode.detect(environment: ["COLORTERM": "24bit"], terminalColors: 0) == .truecolor)
        #expect(ColorMode.detect(environment: ["COLORTERM": "TrueColor"], terminalColors: 0) == .truecolor)
        #expect(ColorMode.detect(environment: ["COLORTERM": "yes"], terminalColors: 256) == .palette256)
        #expect(ColorMode.detect(environment: [:], terminalColors: 16) == .ansi16)
        #expect(ColorMode.detect(environment: [:], terminalColors: 8) == .ansi16)
        #expect(ColorMode.detect(environment: [:], terminalColors: 2) == .mono)
        #expect(ColorMode.detect(environment: [:], terminalColors: -1) == .mono)
    }

    @Test func palette256KnownColours() {
        let cases: [(RGB, UInt8)] = [
            (RGB(255, 0, 0), 196), (RGB(0, 255, 0), 46), (RGB(0, 0, 255), 21),
            (RGB(0, 0, 0), 16), (RGB(255, 255, 255), 231),
            (RGB(128, 128, 128), 244), (RGB(8, 8, 8), 232), (RGB(238, 238, 238), 255),
            (RGB(100, 100, 100), 241), (RGB(95, 135, 175), 67),
        ]
        for (colour, index) in cases {
            #expect(ColorQuantizer.palette256Index(colour) == index, "\(colour)")
        }
    }

    @Test func palette256IsTheNearestEntry() {
        let samples = noise(count: 3000, seed: 42)
        for i in stride(from: 0, to: samples.count, by: 3) {
            let colour = RGB(UInt8(samples[i]), UInt8(samples[i + 1]), UInt8(samples[i + 2]))
            let chosen = ColorQuantizer.palette256Index(colour)
            let best = (16...255).map { distance(colour, ColorQuantizer.palette256Colour(UInt8($0))) }.min()!
            #expect(distance(colour, ColorQuantizer.palette256Colour(chosen)) == best, "\(colour)")
        }
    }

    @Test func ansi16KnownColours() {
        let cases: [(RGB, UInt8)] = [
            (RGB(255, 0, 0), 9), (RGB(200, 0, 0), 1), (RGB(128, 128, 128), 8), (.black, 0),
            (.white, 15), (RGB(230, 230, 230), 7), (RGB(0, 0, 255), 4), (RGB(90, 90, 250), 12),
        ]
        for (colour, index) in cases {
            #expect(ColorQuantizer.ansi16Index(colour) == index, "\(colour)")
        }
    }

    @Test func monoRampFollowsLuminance() {
        #expect(ColorQuantizer.monoCharacter(luminance: 0) == " ")
        #expect(ColorQuantizer.monoCharacter(luminance: 255) == "@")
        #expect(ColorQuantizer.monoCharacter(luminance: 128) == "+")
        #expect(ColorQuantizer.luminance(RGB(0, 255, 0)) > ColorQuantizer.luminance(RGB(255, 0, 0)))
        #expect(ColorQuantizer.luminance(RGB(255, 0, 0)) > ColorQuantizer.luminance(RGB(0, 0, 255)))
    }

    private func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }
}
