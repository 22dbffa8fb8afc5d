import CPNGShim
import Foundation

/// Decodes PNG files (every colour type, bit depth and interlacing) to 8-bit RGB.
public enum PNGDecoder {
    /// 64 megapixels: comfortably above any camera frame, small enough (192 MB of RGB)
    /// that a hostile header cannot make the browser allocate gigabytes.
    public static let defaultMaxPixels = 64_000_000

    /// - Parameters:
    ///   - maxPixels: images whose IHDR announces more pixels are refused before any
    ///     pixel memory is allocated.
    ///   - background: what transparent pixels are composited over (the terminal's
    ///     background is the natural choice).
    public static func decode(_ data: Data, maxPixels: Int = defaultMaxPixels,
                              background: RGB = .black) throws(ImageError) -> RGBImage {
        if data.isEmpty { throw .noData }
        var result = cpng_result()
        data.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress
            cpng_decode_rgb(base, raw.count, UInt64(max(0, maxPixels)),
                            background.r, background.g, background.b, &result)
        }
        defer { cpng_free(result.bytes) }
        let width = Int(result.width)
        let height = Int(result.height)
        switch cpng_status(rawValue: UInt32(result.status)) {
        case CPNG_OK:
            guard let bytes = result.bytes, result.byte_count == width * height * 3 else {
                throw .corrupt("decoder returned no pixels")
            }
            let pixels = [UInt8](UnsafeBufferPointer(start: bytes, count: result.byte_count))
            return RGBImage(width: width, height: height, pixels: pixels)
        case CPNG_NOT_PNG:
            throw .notPNG
        case CPNG_TOO_LARGE:
            throw .tooLarge(width: width, height: height, limit: maxPixels)
        case CPNG_EMPTY:
            throw .emptyImage
        case CPNG_NO_MEMORY:
            throw .outOfMemory(shimMessage(result))
        default:
            throw .corrupt(shimMessage(result))
        }
    }

    /// Reads and decodes a file; I/O failures are reported as `.unreadable`.
    public static func decode(contentsOf url: URL, maxPixels: Int = defaultMaxPixels,
                              background: RGB = .black) throws(ImageError) -> RGBImage {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable("\(url.path): \(error.localizedDescription)")
        }
        return try decode(data, maxPixels: maxPixels, background: background)
    }
}

func shimMessage(_ result: cpng_result) -> String {
    withUnsafeBytes(of: result.message) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        return text.isEmpty ? "unknown libpng error" : text
    }
}
