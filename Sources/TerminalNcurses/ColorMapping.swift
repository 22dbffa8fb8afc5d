import ScreenKit

/// What the terminal (as its terminfo entry describes it) can show.
public enum ColorDepth: Equatable, Sendable {
    /// No colour: NO_COLOR, --no-color, or a monochrome terminal. Attributes only.
    case none
    case ansi8
    /// 16 colours; also 88-colour terminals, whose upper palette differs from xterm-256's.
    case ansi16
    case indexed256
    /// 24-bit: a "-direct" terminfo entry, where a colour number is 0xRRGGBB.
    case direct

    /// From ncurses' COLORS (after start_color), has_colors() and the no-colour option.
    public static func from(colors: Int, hasColors: Bool, noColor: Bool) -> ColorDepth {
        if noColor || !hasColors || colors < 8 { return .none }
        if colors >= 1 << 24 { return .direct }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }
}

/// A colour as an ncurses colour number (-1: the terminal's default), plus whether the
/// caller should add bold to approximate a bright colour the terminal lacks.
public struct MappedColor: Equatable, Sendable {
    public var number: Int32
    public var wantsBold: Bool
    public init(_ number: Int32, wantsBold: Bool = false) {
        self.number = number
        self.wantsBold = wantsBold
    }
    public static let terminalDefault = MappedColor(-1)
}

/// Maps `TermColor` down to what a terminal of a given depth can show. Pure functions.
public enum ColorMapper {
    public static func map(_ color: TermColor, depth: ColorDepth, foreground: Bool) -> MappedColor {
        switch (color, depth) {
        case (_, .none), (.none, _):
            return .terminalDefault
        case (.ansi(let n), _):
            return ansi(Int(min(n, 15)), depth: depth, foreground: foreground)
        case (.indexed(let i), .indexed256):
            return MappedColor(Int32(i))
        case (.indexed(let i), _) where i < 16:
            return ansi(Int(i), depth: depth, foreground: foreground)
        case (.indexed(let i), .direct):
            return MappedColor(directNumber(xtermPalette(Int(i))))
        case (.indexed(let i), _):
            return ansi(nearestANSI(xtermPalette(Int(i))), depth: depth, foreground: foreground)
        case (.rgb(let c), .direct):
            return MappedColor(directNumber(c))
        case (.rgb(let c), .indexed256):
            return MappedColor(Int32(nearestXterm256(c)))
        case (.rgb(let c), _):
            return ansi(nearestANSI(c), depth: depth, foreground: foreground)
        }
    }

    /// ANSI colour `n` (0...15). Where only 8 exist, and on direct-colour entries (whose
    /// numbers 8...15 mean near-black RGB, not bright ANSI), bright colours become their
    /// dim counterpart plus bold for foregrounds, which most terminals show as bright.
    static func ansi(_ n: Int, depth: ColorDepth, foreground: Bool) -> MappedColor {
        switch depth {
        case .none: return .terminalDefault
        case .ansi16, .indexed256: return MappedColor(Int32(n))
        case .ansi8, .direct:
            return n < 8 ? MappedColor(Int32(n)) : MappedColor(Int32(n - 8), wantsBold: foreground)
        }
    }

    /// The colour number for 0xRRGGBB on a direct-colour terminfo entry. The entries send
    /// numbers below 8 (xterm-direct) or 16 (the "direct16" variants) as ANSI colours, i.e.
    /// the user's theme; such near-black RGB values become (1,1,1), which looks the same.
    public static func directNumber(_ c: RGB) -> Int32 {
        let n = Int32(c.r) << 16 | Int32(c.g) << 8 | Int32(c.b)
        return n < 16 ? 0x010101 : n
    }

    /// The xterm-256 index nearest to `c`, from the 6x6x6 cube (16...231) or the grey ramp
    /// (232...255); 0...15 are never chosen because themes redefine them.
    public static func nearestXterm256(_ c: RGB) -> UInt8 {
        func cubeIndex(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let (ri, gi, bi) = (cubeIndex(c.r), cubeIndex(c.g), cubeIndex(c.b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        // The best grey under `distance` is the one nearest the channels' weighted mean.
        let mean = Double(2 * Int(c.r) + 4 * Int(c.g) + 3 * Int(c.b)) / 9
        let grey = 232 + min(23, max(0, Int(((mean - 8) / 10).rounded())))
        return distance(c, xtermPalette(grey)) < distance(c, xtermPalette(cube)) ? UInt8(grey) : UInt8(cube)
    }

    /// The ANSI colour (0...15) nearest to `c`, judged by xterm's default palette.
    public static func nearestANSI(_ c: RGB) -> Int {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<16 {
            let d = distance(c, xtermPalette(i))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    /// xterm's default RGB for a palette index.
    public static func xtermPalette(_ index: Int) -> RGB {
        switch index {
        case 0..<16:
            let (r, g, b) = ansiPalette[index]
            return RGB(r, g, b)
        case 16..<232:
            let i = index - 16
            return RGB(cubeLevels[i / 36], cubeLevels[i / 6 % 6], cubeLevels[i % 6])
        default:
            let v = UInt8(8 + 10 * (min(index, 255) - 232))
            return RGB(v, v, v)
        }
    }

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]
    private static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// Squared distance weighted 2:4:3 (the eye is most sensitive to green): good enough
    /// to pick among palette entries, and cheap.
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
