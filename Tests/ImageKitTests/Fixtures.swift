import Foundation
@testable import ImageKit

/// Encodes with our libpng encoder, then decodes: the round trip every decoder test uses.
func roundTrip(width: Int, height: Int, samples: [UInt16], _ encoding: PNGEncoding,
               background: RGB = RGB(10, 20, 30)) throws -> RGBImage {
    let data = try PNGEncoder.encode(width: width, height: height, samples: samples, as: encoding)
    return try PNGDecoder.decode(data, background: background)
}

/// Pixels of an image as RGB values, row-major, for whole-image comparisons.
func colours(_ image: RGBImage) -> [RGB] {
    (0..<(image.width * image.height)).map { i in
        RGB(image.pixels[3 * i], image.pixels[3 * i + 1], image.pixels[3 * i + 2])
    }
}

/// The decoder's compositing rule, written independently: rounded a*c + (1-a)*bg.
func over(_ colour: UInt8, alpha: UInt8, background: UInt8) -> UInt8 {
    let a = Double(alpha) / 255
    return UInt8((Double(colour) * a + Double(background) * (1 - a)).rounded())
}

/// A PNG made of the signature and a single IHDR chunk with a correct CRC and nothing
/// else: any decoder that goes past the header must fail with "truncated".
func headerOnlyPNG(width: UInt32, height: UInt32, bitDepth: UInt8 = 8, colorType: UInt8 = 2,
                   corruptCRC: Bool = false) -> Data {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var chunk: [UInt8] = Array("IHDR".utf8)
    chunk += bigEndian(width) + bigEndian(height)
    chunk += [bitDepth, colorType, 0, 0, 0]
    bytes += bigEndian(13) + chunk
    bytes += bigEndian(crc32(chunk) ^ (corruptCRC ? 1 : 0))
    return Data(bytes)
}

func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
}

/// CRC-32 as PNG chunks use it (ISO 3309, reflected, polynomial 0xEDB88320).
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
    }
    return crc ^ 0xFFFF_FFFF
}

/// Deterministic pseudo-random bytes (SplitMix64), so fixtures compress badly and
/// truncation lands inside IDAT.
func noise(count: Int, seed: UInt64 = 0x1234_5678) -> [UInt16] {
    var state = seed
    return (0..<count).map { _ in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt16(truncatingIfNeeded: (z ^ (z >> 31)) & 0xFF)
    }
}
