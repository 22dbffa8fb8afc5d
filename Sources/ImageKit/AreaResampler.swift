/// Area-averaging (box filter with fractional coverage) resampling.
///
/// Each output pixel is the mean of the source area it covers, source pixels cut by
/// the output grid counting in proportion to the part covered. Unlike nearest
/// neighbour, a detail smaller than an output pixel still shows up, dimmed, in
/// exactly the pixel that covers it — which matters when a 1920-wide frame becomes
/// 200 columns.
public enum AreaResampler {
    public static func resample(_ image: RGBImage, width: Int, height: Int) -> RGBImage {
        precondition(width > 0 && height > 0, "target size must be positive")
        guard image.width > 0, image.height > 0 else {
            return RGBImage(width: width, height: height, filledWith: .black)
        }
        if width == image.width && height == image.height { return image }
        let columns = AxisCoverage(source: image.width, target: width)
        let rows = AxisCoverage(source: image.height, target: height)
        let sourceRowLength = image.width * 3
        var accumulator = [Float](repeating: 0, count: sourceRowLength)
        var output = [UInt8](repeating: 0, count: width * height * 3)

        image.pixels.withUnsafeBufferPointer { sourceBuffer in
            accumulator.withUnsafeMutableBufferPointer { accBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    // Raw pointers: the inner loops must be free of bounds and overflow
                    // checks for the compiler to vectorise them.
                    let source = sourceBuffer.baseAddress!, acc = accBuffer.baseAddress!
                    let out = outBuffer.baseAddress!
                    for y in 0..<height {
                        // Vertical pass first: it streams whole source rows; the
                        // horizontal pass then works on a single accumulated row.
                        acc.update(repeating: 0, count: sourceRowLength)
                        for k in rows.range(of: y) {
                            let weight = rows.weights[k]
                            let sourceRow = source + rows.indices[k] * sourceRowLength
                            for i in 0..<sourceRowLength {
                                acc[i] += weight * Float(sourceRow[i])
                            }
                        }
                        let outRow = out + y * width * 3
                        for x in 0..<width {
                            var r: Float = 0, g: Float = 0, b: Float = 0
                            for k in columns.range(of: x) {
                                let weight = columns.weights[k]
                                let pixel = acc + columns.indices[k] * 3
                                r += weight * pixel[0]
                                g += weight * pixel[1]
                                b += weight * pixel[2]
                            }
                            outRow[3 * x] = toByte(r)
                            outRow[3 * x + 1] = toByte(g)
                            outRow[3 * x + 2] = toByte(b)
                        }
                    }
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: output)
    }

    @inline(__always)
    private static func toByte(_ value: Float) -> UInt8 {
        UInt8(min(max(value + 0.5, 0), 255))
    }
}

/// For each output position along one axis: which source positions it covers and
/// with what weight (weights of one output position sum to 1).
struct AxisCoverage {
    /// Start of each output position's entries in `indices`/`weights`; one extra at the end.
    private(set) var starts: [Int] = []
    private(set) var indices: [Int] = []
    private(set) var weights: [Float] = []

    init(source: Int, target: Int) {
        // Work in units of 1/target source pixels so every boundary is an integer and
        // coverage is exact; output position t spans [t*source, (t+1)*source).
        starts.reserveCapacity(target + 1)
        for t in 0..<target {
            starts.append(indices.count)
            let low = t * source, high = low + source
            var s = low / target
            while s < source && s * target < high {
                let covered = min((s + 1) * target, high) - max(s * target, low)
                if covered > 0 {
                    indices.append(s)
                    weights.append(Float(covered) / Float(source))
                }
                s += 1
            }
        }
        starts.append(indices.count)
    }

    @inline(__always)
    func range(of position: Int) -> Range<Int> {
        starts[position]..<starts[position + 1]
    }
}
