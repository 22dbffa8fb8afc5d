import ImageKit

/// Photo-like test frames: smooth gradients and lighting, soft-edged shapes and
/// sensor-like noise. Flat synthetic images compress far better than camera frames
/// and would make decoding look faster than it is.
enum SyntheticFrame {
    static func make(width: Int, height: Int, seed: UInt64) -> RGBImage {
        var random = SplitMix64(seed: seed)
        let discs = (0..<14).map { _ in
            Disc(x: random.unit() * Double(width), y: random.unit() * Double(height),
                 radius: (0.04 + random.unit() * 0.18) * Double(min(width, height)),
                 colour: (random.unit() * 255, random.unit() * 255, random.unit() * 255))
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let centreX = Double(width) / 2, centreY = Double(height) / 2
        let maxDistance = (centreX * centreX + centreY * centreY).squareRoot()
        for y in 0..<height {
            let fy = Double(y) / Double(height)
            for x in 0..<width {
                let fx = Double(x) / Double(width)
                var r = 40 + 150 * fx, g = 60 + 120 * fy, b = 110 + 60 * (fx - fy)
                for disc in discs {
                    let dx = Double(x) - disc.x, dy = Double(y) - disc.y
                    let distance = (dx * dx + dy * dy).squareRoot()
                    // Soft edge over 3 pixels, like a slightly defocused object.
                    let cover = min(1, max(0, (disc.radius - distance) / 3))
                    if cover > 0 {
                        r += (disc.colour.0 - r) * cover * 0.7
                        g += (disc.colour.1 - g) * cover * 0.7
                        b += (disc.colour.2 - b) * cover * 0.7
                    }
                }
                let dx = Double(x) - centreX, dy = Double(y) - centreY
                let vignette = 1 - 0.35 * (dx * dx + dy * dy).squareRoot() / maxDistance
                let grain = Double(Int(random.next() % 17) - 8)
                let i = (y * width + x) * 3
                pixels[i] = clampByte(r * vignette + grain)
                pixels[i + 1] = clampByte(g * vignette + grain)
                pixels[i + 2] = clampByte(b * vignette + grain)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    private struct Disc {
        let x: Double, y: Double, radius: Double
        let colour: (Double, Double, Double)
    }

    private static func clampByte(_ value: Double) -> UInt8 {
        UInt8(min(255, max(0, value.rounded())))
    }
}

/// Deterministic, so every run benchmarks the same files.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
