import CZlib
import Foundation

/// A minimal PNG encoder: 8-bit RGB, one IDAT, filter 0 on every row. zlib does the deflate
/// and the CRCs, which is all PNG needs; DemoServer must not depend on libpng (ImageKit's
/// decoder is what the demo's images are there to exercise).
enum PNGWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `rgb` holds width*height*3 bytes, rows top to bottom.
    static func encode(width: Int, height: Int, rgb: [UInt8], level: Int32 = 3) -> [UInt8] {
        precondition(rgb.count == width * height * 3, "RGB buffer does not match the size")
        // Each scanline is prefixed with its filter type (0: none).
        let stride = width * 3
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        raw.withUnsafeMutableBufferPointer { dst in
            rgb.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    let d = dst.baseAddress! + y * (stride + 1) + 1
                    d.update(from: src.baseAddress! + y * stride, count: stride)
                }
            }
        }
        var out = signature
        out += chunk("IHDR", ihdr(width: width, height: height))
        out += chunk("IDAT", deflate(raw, level: level))
        out += chunk("IEND", [])
        return out
    }

    /// An IHDR payload: 8-bit truecolour, no interlace.
    static func ihdr(width: Int, height: Int) -> [UInt8] {
        bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
    }

    /// length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var out = bigEndian(UInt32(data.count)) + typeBytes + data
        let crc = (typeBytes + data).withUnsafeBufferPointer { p in
            crc32(0, p.baseAddress, uInt(p.count))
        }
        out += bigEndian(UInt32(truncatingIfNeeded: crc))
        return out
    }

    static func deflate(_ input: [UInt8], level: Int32) -> [UInt8] {
        var size = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { dst in
            input.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &size, src.baseAddress, uLong(src.count), level)
            }
        }
        precondition(status == Z_OK, "compress2 failed: \(status)")
        out.removeLast(out.count - Int(size))
        return out
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }
}
