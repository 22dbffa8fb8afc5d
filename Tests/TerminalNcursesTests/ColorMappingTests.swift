import ScreenKit
import Testing
@testable import TerminalNcurses

@Suite struct ColorMappingTests {
    @Test func depthFromTerminfoAndOptions() {
        #expect(ColorDepth.from(colors: 256, hasColors: true, noColor: true) == ColorDepth.none)
        #expect(ColorDepth.from(colors: 256, hasColors: false, noColor: false) == ColorDepth.none)
        #expect(ColorDepth.from(colors: 0, hasColors: true, noColor: false) == ColorDepth.none)
        #expect(ColorDepth.from(colors: 8, hasColors: true, noColor: false) == .ansi8)
        #expect(ColorDepth.from(colors: 16, hasColors: true, noColor: false) == .ansi16)
        #expect(ColorDepth.from(colors: 88, hasColors: true, noColor: false) == .ansi16)
        #expect(ColorDepth.from(colors: 256, hasColors: true, noColor: false) == .indexed256)
        #expect(ColorDepth.from(colors: 0x1000000, hasColors: true, noColor: false) == .direct)
    }

    @Test func noneAndNoColorGiveTheTerminalDefault() {
        for depth in [ColorDepth.none, .ansi8, .ansi16, .indexed256, .direct] {
            #expect(ColorMapper.map(.none, depth: depth, foreground: true) == MappedColor(-1))
        }
        for color in [TermColor.ansi(3), .indexed(200), .rgb(RGB(1, 2, 3))] {
            #expect(ColorMapper.map(color, depth: .none, foreground: true) == MappedColor(-1))
        }
    }

    @Test func ansiColours() {
        #expect(ColorMapper.map(.ansi(3), depth: .ansi8, foreground: true) == MappedColor(3))
        // Bright on an 8-colour terminal: the dim colour, plus bold for foregrounds only.
        #expect(ColorMapper.map(.ansi(9), depth: .ansi8, foreground: true) == MappedColor(1, wantsBold: true))
        #expect(ColorMapper.map(.ansi(9), depth: .ansi8, foreground: false) == MappedColor(1))
        #expect(ColorMapper.map(.ansi(9), depth: .ansi16, foreground: true) == MappedColor(9))
        #expect(ColorMapper.map(.ansi(15), depth: .indexed256, foreground: false) == MappedColor(15))
        // Direct-colour entries read numbers 8...15 as RGB, so brights fold as on 8 colours.
        #expect(ColorMapper.map(.ansi(12), depth: .direct, foreground: true) == MappedColor(4, wantsBold: true))
        #expect(ColorMapper.map(.ansi(2), depth: .direct, foreground: true) == MappedColor(2))
    }

    @Test func indexedColours() {
        #expect(ColorMapper.map(.indexed(196), depth: .indexed256, foreground: true) == MappedColor(196))
        #expect(ColorMapper.map(.indexed(5), depth: .ansi16, foreground: true) == MappedColor(5))
        // 196 is pure red (255,0,0): bright red among the 16.
        #expect(ColorMapper.map(.indexed(196), depth: .ansi16, foreground: true) == MappedColor(9))
        #expect(ColorMapper.map(.indexed(196), depth: .ansi8, foreground: true) == MappedColor(1, wantsBold: true))
        // 21 is (0,0,255) -> 0x0000ff on a direct entry.
        #expect(ColorMapper.map(.indexed(21), depth: .direct, foreground: true) == MappedColor(0x0000FF))
        #expect(ColorMapper.map(.indexed(244), depth: .direct, foreground: true) == MappedColor(0x808080))
    }

    @Test func rgbColours() {
        let orange = RGB(255, 135, 0)   // exactly cube entry 208
        #expect(ColorMapper.map(.rgb(orange), depth: .direct, foreground: true) == MappedColor(0xFF8700))
        #expect(ColorMapper.map(.rgb(orange), depth: .indexed256, foreground: true) == MappedColor(208))
        #expect(ColorMapper.map(.rgb(RGB(250, 10, 10)), depth: .ansi16, foreground: true) == MappedColor(9))
        #expect(ColorMapper.map(.rgb(RGB(0, 0, 0)), depth: .ansi16, foreground: false) == MappedColor(0))
        #expect(ColorMapper.map(.rgb(RGB(250, 250, 250)), depth: .ansi8, foreground: true) == MappedColor(7, wantsBold: true))
    }

    @Test func nearBlackRGBNeverBecomesAnANSINumberOnDirectEntries() {
        #expect(ColorMapper.directNumber(RGB(0, 0, 0)) == 0x010101)
        #expect(ColorMapper.directNumber(RGB(0, 0, 15)) == 0x010101)
        #expect(ColorMapper.directNumber(RGB(0, 0, 16)) == 16)
        #expect(ColorMapper.directNumber(RGB(0x12, 0x34, 0x56)) == 0x123456)
    }

    @Test func nearestXterm256PicksCubeOrGrey() {
        #expect(ColorMapper.nearestXterm256(RGB(0, 0, 0)) == 16)
        #expect(ColorMapper.nearestXterm256(RGB(255, 255, 255)) == 231)
        #expect(ColorMapper.nearestXterm256(RGB(255, 0, 0)) == 196)
        #expect(ColorMapper.nearestXterm256(RGB(95, 135, 175)) == 67)
        #expect(ColorMapper.nearestXterm256(RGB(128, 128, 128)) == 244)   // grey ramp (128) beats cube (135)
        #expect(ColorMapper.nearestXterm256(RGB(8, 8, 8)) == 232)
        #expect(ColorMapper.nearestXterm256(RGB(238, 238, 238)) == 255)
        // Every result is outside the theme-defined 0...15 and is the true nearest of 16...255.
        for r in stride(from: 0, through: 255, by: 51) {
            for g in stride(from: 0, through: 255, by: 37) {
                for b in stride(from: 0, through: 255, by: 29) {
                    let c = RGB(UInt8(r), UInt8(g), UInt8(b))
                    let chosen = Int(ColorMapper.nearestXterm256(c))
                    #expect(chosen >= 16)
                    let best = (16...255).map { ColorMapper.distance(c, ColorMapper.xtermPalette($0)) }.min()!
                    #expect(ColorMapper.distance(c, ColorMapper.xtermPalette(chosen)) == best, "\(c) -> \(chosen)")
                }
            }
        }
    }

    @Test func xtermPaletteEntries() {
        #expect(ColorMapper.xtermPalette(1) == RGB(205, 0, 0))
        #expect(ColorMapper.xtermPalette(16) == RGB(0, 0, 0))
        #expect(ColorMapper.xtermPalette(67) == RGB(95, 135, 175))
        #expect(ColorMapper.xtermPalette(231) == RGB(255, 255, 255))
        #expect(ColorMapper.xtermPalette(232) == RGB(8, 8, 8))
        #expect(ColorMapper.xtermPalette(255) == RGB(238, 238, 238))
    }

    @Test func nearestANSI() {
        #expect(ColorMapper.nearestANSI(RGB(0, 0, 0)) == 0)
        #expect(ColorMapper.nearestANSI(RGB(255, 255, 255)) == 15)
        #expect(ColorMapper.nearestANSI(RGB(200, 0, 0)) == 1)
        #expect(ColorMapper.nearestANSI(RGB(0, 250, 0)) == 10)
        #expect(ColorMapper.nearestANSI(RGB(120, 120, 130)) == 8)
    }
}
