import Foundation

/// Renders a demo frame as a PNG: a dark, slightly graded substrate with fixed grain, and a
/// bright island with a rough, slowly rotating edge whose radius follows the same growth
/// curve as `perimeter_px`. Neighbouring frames differ visibly (radius, edge, noise), and
/// anomalous frames are off the way their metrics say (a jump in size plus a flash or a dim).
enum FrameImages {
    static func png(video e: DemoEntry, frame: Int) -> Data {
        guard let v = e.video else { return Data() }
        let image = PNGWriter.encode(width: v.width, height: v.height, rgb: render(v, frame: frame))
        if frame == v.truncatedFrame {
            // Cut inside IDAT: the signature and header are fine, the pixel data is not.
            return Data(image.prefix(max(64, image.count / 3)))
        }
        if frame == v.hugeHeaderFrame {
            // A header a careless decoder would allocate 10.8 GB for, then garbage.
            var rng = SplitMix64(v.seed, 0xBAD, UInt64(frame))
            var bytes = PNGWriter.signature + PNGWriter.chunk("IHDR", PNGWriter.ihdr(width: 60_000, height: 60_000))
            for _ in 0..<512 { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            return Data(bytes)
        }
        return Data(image)
    }

    static func render(_ v: DemoVideoSpec, frame: Int) -> [UInt8] {
        let w = v.width, h = v.height
        let t = DemoMetrics.progress(v, frame: frame)
        let anomalous = DemoMetrics.anomalyFrames(v).contains(frame)
        let factor = anomalous ? DemoMetrics.anomalyFactor(v, frame: frame) : 1
        let r = DemoMetrics.islandRadius(v, frame: frame, anomaly: anomalous ? factor : nil)
        let rough = DemoMetrics.roughness(t)
        var rng = SplitMix64(v.seed, 0x1F1A)
        let p1 = rng.double(0, 6.283), p2 = rng.double(0, 6.283)
        // The island drifts a little and its edge pattern rotates as it grows.
        let spin = 0.9 * t
        let cx = Double(w) * (0.5 + 0.04 * sin(p1 + 2 * t)), cy = Double(h) * (0.5 + 0.03 * cos(p2 + 2 * t))
        let island: Double = anomalous ? (factor > 1 ? 45 : -55) : 0
        let grainSeed = UInt32(truncatingIfNeeded: v.seed)
        let noiseSeed = UInt32(truncatingIfNeeded: SplitMix64.mix(v.seed ^ UInt64(frame)))
        let amplitude = rough * 1.6
        let inner = r * (1 - amplitude), outer = r * (1 + amplitude) + 2
        let inner2 = inner * inner, outer2 = outer * outer

        var rgb = [UInt8](repeating: 0, count: w * h * 3)
        rgb.withUnsafeMutableBufferPointer { buf in
            let p = buf.baseAddress!
            for y in 0..<h {
                let dy = Double(y) - cy
                let gy = Double(y) / Double(h)
                for x in 0..<w {
                    let o = (y * w + x) * 3
                    let dx = Double(x) - cx
                    let d2 = dx * dx + dy * dy
                    // Substrate grain is fixed per video (coarse cells); sensor noise is per frame.
                    let grain = Double(hash(UInt32(x >> 2), UInt32(y >> 2), grainSeed) & 15)
                    let noise = Double(hash(UInt32(x), UInt32(y), noiseSeed) & 7)
                    var red = 20 + 22 * Double(x) / Double(w) + grain + noise
                    var green = 26 + 16 * gy + grain + noise
                    var blue = 42 + 24 * gy + grain * 0.5 + noise
                    if d2 < outer2 {
                        let d = d2.squareRoot()
                        var edge = r
                        if d2 > inner2 {
                            let theta = atan2(dy, dx) + spin
                            edge = r * (1 + rough * (sin(5 * theta + p1) + 0.6 * sin(11 * theta + p2)))
                        }
                        if d < edge - 1.5 {
                            // Terraces: faint concentric rings, brighter towards the centre.
                            let ring = (Int(d / 7) & 1) == 0 ? 8.0 : 0
                            let shade = 40 * d / max(r, 1)
                            red = 200 - shade + ring + noise + island
                            green = 186 - shade + ring + noise + island
                            blue = 138 - shade * 0.5 + ring + noise + island * 0.6
                        } else if d < edge + 1.5 {
                            red = 245 + island * 0.2; green = 238 + island * 0.2; blue = 210 + island * 0.2
                        }
                    }
                    p[o] = clamp(red); p[o + 1] = clamp(green); p[o + 2] = clamp(blue)
                }
            }
        }
        return rgb
    }

    @inline(__always) private static func clamp(_ v: Double) -> UInt8 {
        v <= 0 ? 0 : (v >= 255 ? 255 : UInt8(v))
    }

    @inline(__always) private static func hash(_ x: UInt32, _ y: UInt32, _ seed: UInt32) -> UInt32 {
        var h = x &* 0x9E37_79B1 ^ y &* 0x85EB_CA77 ^ seed
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return h
    }
}
