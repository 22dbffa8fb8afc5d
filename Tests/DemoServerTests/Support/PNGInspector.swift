import CZlib
import Foundation

/// An independent check of the demo's PNGs: walks the chunks, verifies every CRC, and
/// inflates IDAT with zlib to confirm the pixel data has the size IHDR promises.
struct PNGInspector {
    struct Invalid: Error, CustomStringConvertible { let description: String }

    let width: Int
    let height: Int
    let bitDepth: UInt8
    let colorType: UInt8
    let chunkTypes: [String]
    /// Unfiltered RGB pixels (only filter type 0 rows are accepted here, which is what the demo writes).
    let rgb: [UInt8]

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    init(_ data: Data) throws {
        let b = [UInt8](data)
        guard b.count >= 8, Array(b[0..<8]) == Self.signature else { throw Invalid(description: "no PNG signature") }
        var at = 8
        var types: [String] = []
        var idat: [UInt8] = []
        var header: [UInt8] = []
        func be32(_ i: Int) -> UInt32 { UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]) }
        while at < b.count {
            guard at + 12 <= b.count else { throw Invalid(description: "chunk header cut at \(at)") }
            let length = Int(be32(at))
            guard at + 12 + length <= b.count else { throw Invalid(description: "chunk body cut at \(at)") }
            let type = String(decoding: b[(at + 4)..<(at + 8)], as: UTF8.self)
            let body = Array(b[(at + 8)..<(at + 8 + length)])
            let stored = be32(at + 8 + length)
            let crc = Array(b[(at + 4)..<(at + 8 + length)]).withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            guard UInt32(crc) == stored else { throw Invalid(description: "bad CRC in \(type)") }
            types.append(type)
            if type == "IHDR" { header = body }
            if type == "IDAT" { idat += body }
            at += 12 + length
            if type == "IEND" { break }
        }
        guard types.first == "IHDR", types.last == "IEND", header.count == 13 else {
            throw Invalid(description: "chunk order \(types)")
        }
        width = Int(UInt32(header[0]) << 24 | UInt32(header[1]) << 16 | UInt32(header[2]) << 8 | UInt32(header[3]))
        height = Int(UInt32(header[4]) << 24 | UInt32(header[5]) << 16 | UInt32(header[6]) << 8 | UInt32(header[7]))
        bitDepth = header[8]
        colorType = header[9]
        chunkTypes = types
        guard width > 0, height > 0, width * height <= 4096 * 4096 else { throw Invalid(description: "implausible size \(width)x\(height)") }
        let stride = width * 3 + 1
        var raw = [UInt8](repeating: 0, count: stride * height)
        var size = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { dst in
            idat.withUnsafeBufferPointer { uncompress(dst.baseAddress, &size, $0.baseAddress, uLong($0.count)) }
        }
        guard status == Z_OK, Int(size) == raw.count else { throw Invalid(description: "inflate: status \(status), \(size) bytes") }
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * 3)
        for y in 0..<height {
            guard raw[y * stride] == 0 else { throw Invalid(description: "row \(y) filter \(raw[y * stride])") }
            pixels += raw[(y * stride + 1)..<((y + 1) * stride)]
        }
        rgb = pixels
    }

    func pixel(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let o = (y * width + x) * 3
        return (rgb[o], rgb[o + 1], rgb[o + 2])
    }

    /// Mean of R+G+B over the image, for "is there a bright island" checks.
    var meanBrightness: Double { Double(rgb.reduce(0) { $0 + Int($1) }) / Double(rgb.count) }
}
