import CPNGShim
import Foundation

/// PNG colour types, as stored in IHDR.
public enum PNGColorType: Int, Sendable, CaseIterable {
    case grey = 0
    case rgb = 2
    case palette = 3
    case greyAlpha = 4
    case rgba = 6

    public var channels: Int {
        switch self {
        case .grey, .palette: return 1
        case .greyAlpha: return 2
        case .rgb: return 3
        case .rgba: return 4
        }
    }
}

/// How `PNGEncoder` should store an image.
public struct PNGEncoding: Sendable, Equatable {
    public var colorType: PNGColorType
    /// 1, 2, 4, 8 or 16, as the colour type allows.
    public var bitDepth: Int
    /// Adam7 interlacing.
    public var interlaced: Bool
    /// zlib level 0...9; nil for libpng's default.
    public var compressionLevel: Int?
    /// Palette entries (palette images only).
    public var palette: [RGB]
    /// tRNS alpha for the first palette entries; may be shorter than the palette.
    public var paletteAlpha: [UInt8]
    /// Colour-key transparency for grey (one value) or RGB (three values) images.
    public var transparentKey: [UInt16]?

    public init(colorType: PNGColorType, bitDepth: Int = 8, interlaced: Bool = false,
                compressionLevel: Int? = nil, palette: [RGB] = [], paletteAlpha: [UInt8] = [],
                transparentKey: [UInt16]? = nil) {
        self.colorType = colorType
        self.bitDepth = bitDepth
        self.interlaced = interlaced
        self.compressionLevel = compressionLevel
        self.palette = palette
        self.paletteAlpha = paletteAlpha
        self.transparentKey = transparentKey
    }
}

/// Writes PNG files to memory with libpng: test fixtures of every kind, and
/// images for the demo server.
public enum PNGEncoder {
    /// - Parameter samples: one element per sample, channels interleaved, rows top to
    ///   bottom; values within the bit depth (palette indices for palette images).
    public static func encode(width: Int, height: Int, samples: [UInt16],
                              as encoding: PNGEncoding) throws(ImageError) -> Data {
        guard width > 0, height > 0, width <= Int(UInt32.max), height <= Int(UInt32.max) else {
            throw .invalidInput("width and height must be between 1 and \(UInt32.max)")
        }
        if let key = encoding.transparentKey, key.count != (encoding.colorType == .grey ? 1 : 3) {
            throw .invalidInput("transparent key needs one value for grey, three for RGB")
        }
        let paletteBytes = encoding.palette.flatMap { [$0.r, $0.g, $0.b] }
        let key = encoding.transparentKey ?? []
        var result = cpng_result()
        samples.withUnsafeBufferPointer { sampleBuffer in
            paletteBytes.withUnsafeBufferPointer { paletteBuffer in
                encoding.paletteAlpha.withUnsafeBufferPointer { alphaBuffer in
                    var params = cpng_encode_params()
                    params.width = UInt32(width)
                    params.height = UInt32(height)
                    params.color_type = Int32(encoding.colorType.rawValue)
                    params.bit_depth = Int32(encoding.bitDepth)
                    params.interlaced = encoding.interlaced ? 1 : 0
                    params.compression_level = Int32(encoding.compressionLevel ?? -1)
                    params.samples = sampleBuffer.baseAddress
                    params.sample_count = sampleBuffer.count
                    params.palette_rgb = paletteBuffer.baseAddress
                    params.palette_count = Int32(encoding.palette.count)
                    params.palette_alpha = alphaBuffer.baseAddress
                    params.palette_alpha_count = Int32(encoding.paletteAlpha.count)
                    params.has_transparent_key = key.isEmpty ? 0 : 1
                    params.key_r = key.first ?? 0
                    params.key_g = key.count == 3 ? key[1] : 0
                    params.key_b = key.count == 3 ? key[2] : 0
                    cpng_encode(&params, &result)
                }
            }
        }
        defer { cpng_free(result.bytes) }
        switch cpng_status(rawValue: UInt32(result.status)) {
        case CPNG_OK:
            guard let bytes = result.bytes else { throw .invalidInput("encoder returned no data") }
            return Data(bytes: bytes, count: result.byte_count)
        case CPNG_NO_MEMORY:
            throw .outOfMemory(shimMessage(result))
        default:
            throw .invalidInput(shimMessage(result))
        }
    }

    /// 8-bit RGB, not interlaced.
    public static func encode(_ image: RGBImage, compressionLevel: Int? = nil) throws(ImageError) -> Data {
        let samples = image.pixels.map { UInt16($0) }
        return try encode(width: image.width, height: image.height, samples: samples,
                          as: PNGEncoding(colorType: .rgb, compressionLevel: compressionLevel))
    }
}
