import Foundation

/// The per-frame metrics of a demo video, one sample per saved frame. The same island model
/// drives the frame images (`FrameImages`), so a spike in `perimeter_px` is a frame where
/// the island visibly jumps in size.
struct DemoMetrics {
    let count: Int
    var relativeTime: [Double] = []
    var unixMs: [Int64] = []
    var perimeter: [Double] = []
    var perimeterZ: [Double] = []
    var perimeterEmaZ: [Double] = []
    var perimeterAnomaly: [Double] = []
    var circularity: [Double] = []
    var circularityZ: [Double] = []
    var circularityAnomaly: [Double] = []
    var edgeRoughness: [Double] = []
    var hausdorff: [Double] = []

    init(_ v: DemoVideoSpec) {
        count = v.frameCount
        let anomalies = Dictionary(uniqueKeysWithValues: Self.anomalyFrames(v).map { ($0, Self.anomalyFactor(v, frame: $0)) })
        var rng = SplitMix64(v.seed, 0x5E12)
        var ema = 0.0
        for i in 0..<count {
            let t = Self.progress(v, frame: i)
            let factor = anomalies[i]
            let r = Self.islandRadius(v, frame: i, anomaly: factor)
            let rough = Self.roughness(t)
            let noise = rng.gauss()
            let z = factor.map { $0 > 1 ? 3.6 + 2.4 * rng.unit() : -(3.6 + 2.4 * rng.unit()) } ?? max(-2.5, min(2.5, noise))
            ema = 0.3 * z + 0.7 * ema
            relativeTime.append(Double(i) * v.interval)
            unixMs.append(v.startMs + Int64((Double(i) * v.interval * 1000).rounded()))
            perimeter.append(2 * Double.pi * r * (1 + 0.5 * rough) * (1 + 0.008 * noise))
            perimeterZ.append(z)
            perimeterEmaZ.append(ema)
            perimeterAnomaly.append(factor == nil ? 0.01 + 0.15 * rng.unit() : 0.62 + 0.36 * rng.unit())
            let cNoise = rng.gauss()
            circularity.append(max(0, min(1, 0.95 - 0.10 * t + 0.008 * cNoise - (factor == nil ? 0 : 0.22))))
            circularityZ.append(factor == nil ? max(-2.5, min(2.5, cNoise)) : -(3.2 + 2 * rng.unit()))
            circularityAnomaly.append(factor == nil ? 0.01 + 0.12 * rng.unit() : 0.55 + 0.4 * rng.unit())
            edgeRoughness.append(max(0.1, rough * r * 0.7 + 0.15 * rng.gauss()))
            hausdorff.append(factor == nil ? 1.2 + abs(0.6 * rng.gauss()) : 12 + 8 * rng.unit())
        }
    }

    /// 0 at the first frame, 1 at the last.
    static func progress(_ v: DemoVideoSpec, frame: Int) -> Double {
        v.frameCount > 1 ? Double(frame) / Double(v.frameCount - 1) : 0
    }

    /// Island radius in pixels: fast nucleation growth that slows down (a saturating curve),
    /// times the anomaly factor on anomalous frames.
    static func islandRadius(_ v: DemoVideoSpec, frame: Int, anomaly: Double?) -> Double {
        let t = progress(v, frame: frame)
        let g = 0.06 + 0.30 * (1 - exp(-2.5 * t)) / (1 - exp(-2.5))
        return g * Double(min(v.width, v.height)) * (anomaly ?? 1)
    }

    /// Relative edge roughness: the edge gets rougher as the island grows.
    static func roughness(_ t: Double) -> Double { 0.02 + 0.05 * t }

    /// A handful of anomalous frames, never frame 0, in increasing order.
    static func anomalyFrames(_ v: DemoVideoSpec) -> [Int] {
        let n = v.frameCount
        let wanted = n >= 10 ? min(2 + Int(v.seed % 4) + n / 2000, 15) : (n >= 3 ? 1 : 0)
        guard wanted > 0 else { return [] }
        var rng = SplitMix64(v.seed, 0xA40)
        let low = max(1, n / 10)
        var picked = Set<Int>()
        while picked.count < wanted { picked.insert(low + rng.int(n - low)) }
        return picked.sorted()
    }

    /// How much an anomalous frame's island is off: bigger (a flash, a spurious merge) or
    /// smaller (a lost edge). Only meaningful for frames in `anomalyFrames`.
    static func anomalyFactor(_ v: DemoVideoSpec, frame: Int) -> Double {
        var rng = SplitMix64(v.seed, 0xA41, UInt64(frame))
        return rng.int(3) == 0 ? 0.7 : 1.35
    }
}
