/// Maps RGB colours onto what each `ColorMode` can show.
public enum ColorQuantizer {
    /// Levels of the 6x6x6 cube in xterm's palette (indices 16...231).
    public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// xterm's default 16 colours, index 0...15.
    public static let ansi16Colors: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// Shading characters from dark to bright for `.mono`, ASCII so any terminal can show them.
    public static let monoRamp: [Character] = Array(" .:-=+*#%@")

    /// Nearest xterm 256-colour index (16...255) by squared RGB distance, choosing
    /// between the nearest cube colour and the nearest grey-ramp step (232...255,
    /// values 8, 18, ..., 238). Indices 0...15 are skipped: terminals redefine them.
    public static func palette256Index(_ colour: RGB) -> UInt8 {
        let r = Int(colour.r), g = Int(colour.g), b = Int(colour.b)
        // The cube is separable, so the nearest level per channel is the nearest colour.
        let ri = nearestCubeLevel(r), gi = nearestCubeLevel(g), bi = nearestCubeLevel(b)
        let cubeDistance = square(r - cubeLevels[ri]) + square(g - cubeLevels[gi]) + square(b - cubeLevels[bi])

        // The best grey is the one nearest the channel mean; check its neighbours too
        // because of rounding.
        let mean = (r + g + b) / 3
        let centre = min(23, max(0, (mean - 8 + 5) / 10))
        var greyStep = centre
        var greyDistance = Int.max
        for step in max(0, centre - 1)...min(23, centre + 1) {
            let v = 8 + 10 * step
            let distance = square(r - v) + square(g - v) + square(b - v)
            if distance < greyDistance {
                greyDistance = distance
                greyStep = step
            }
        }
        if greyDistance < cubeDistance { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * ri + 6 * gi + bi)
    }

    /// The colour a 256-palette index stands for (16...255; 0...15 as xterm's defaults).
    public static func palette256Colour(_ index: UInt8) -> RGB {
        let i = Int(index)
        if i < 16 { return ansi16Colors[i] }
        if i >= 232 {
            let v = UInt8(8 + 10 * (i - 232))
            return RGB(v, v, v)
        }
        let c = i - 16
        return RGB(UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
    }

    /// Nearest of xterm's 16 default colours by squared RGB distance.
    public static func ansi16Index(_ colour: RGB) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in ansi16Colors.enumerated() {
            let distance = square(Int(colour.r) - Int(candidate.r))
                + square(Int(colour.g) - Int(candidate.g))
                + square(Int(colour.b) - Int(candidate.b))
            if distance < bestDistance {
                bestDistance = distance
                best = index
            }
        }
        return UInt8(best)
    }

    /// Rec. 601 luma, 0...255.
    public static func luminance(_ colour: RGB) -> Int {
        (299 * Int(colour.r) + 587 * Int(colour.g) + 114 * Int(colour.b) + 500) / 1000
    }

    /// Shading character for a luminance 0...255.
    public static func monoCharacter(luminance: Int) -> Character {
        let clamped = min(255, max(0, luminance))
        return monoRamp[clamped * monoRamp.count / 256]
    }

    @inline(__always)
    static func nearestCubeLevel(_ value: Int) -> Int {
        // Midpoints between the levels: 47.5, 115, 155, 195, 235.
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return min(5, (value - 115) / 40 + 2)
    }

    @inline(__always)
    private static func square(_ value: Int) -> Int { value * value }
}
