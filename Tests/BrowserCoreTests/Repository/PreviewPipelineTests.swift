@testable import BrowserCore
import Foundation
import ImageKit
import Testing

/// The work behind `.loadPreview`: PNG bytes in, cells or a phrased error out.
@Suite struct PreviewPipelineTests {
    func error(_ data: Data, columns: Int = 40, rows: Int = 12) -> PreviewError? {
        do {
            _ = try PreviewPipeline.make(data: data, columns: columns, rows: rows)
            return nil
        } catch {
            return error
        }
    }

    @Test func aRealPNGBecomesTheExpectedCells() throws {
        // 8x4 pixels: top half red, bottom half blue. In a 4x1 box (4x2 square pixels) each
        // cell shows red over blue.
        var pixels: [UInt8] = []
        for y in 0..<4 { for _ in 0..<8 { pixels += y < 2 ? [255, 0, 0] : [0, 0, 255] } }
        let png = try PNGEncoder.encode(RGBImage(width: 8, height: 4, pixels: pixels))
        let image = try PreviewPipeline.make(data: png, columns: 4, rows: 1)
        #expect(image.pixelWidth == 8 && image.pixelHeight == 4)
        #expect(image.cells.width == 4 && image.cells.height == 1)
        for x in 0..<4 {
            #expect(image.cells[x, 0] == CellPixel(top: RGB(255, 0, 0), bottom: RGB(0, 0, 255)))
        }
    }

    @Test func aWideImageIsLetterboxedInTheBox() throws {
        let png = try PNGEncoder.encode(RGBImage(width: 80, height: 20, filledWith: RGB(0, 255, 0)))
        let image = try PreviewPipeline.make(data: png, columns: 20, rows: 10)
        #expect(image.cells.width == 20 && image.cells.height == 10)
        // 80x20 into 20x20 pixels: 20x5 pixels, centred vertically (rows 3-5 of 10).
        #expect(image.cells[10, 0] == .empty)
        #expect(image.cells[10, 5].top == RGB(0, 255, 0))
    }

    @Test func corruptBytesSayNotAPNG() {
        #expect(error(Data("<html>403 Forbidden</html>".utf8))?.message == "not a PNG")
        #expect(error(Data())?.message == "empty image (0 bytes)")
    }

    @Test func truncatedPNGSaysSo() throws {
        let png = try PNGEncoder.encode(RGBImage(width: 64, height: 64, filledWith: RGB(9, 9, 9)), compressionLevel: 0)
        let message = error(png.prefix(png.count / 2))?.message ?? ""
        #expect(message.hasPrefix("truncated or corrupt PNG"), "\(message)")
    }

    @Test func anOversizedHeaderIsRefusedBeforeDecoding() {
        let chunk: [UInt8] = Array("IHDR".utf8) + bigEndian(60000) + bigEndian(60000) + [8, 2, 0, 0, 0]
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13) + chunk + bigEndian(crc32(chunk))
        #expect(error(Data(bytes))?.message == "image too large (60000x60000 exceeds 64 MP)")
    }

    @Test func fetchErrorsKeepTheHTTPStatus() {
        let e = PreviewError.fetch(.http(status: 403, message: "expired"))
        #expect(e.message == "HTTP 403 Forbidden: expired")
    }

    private func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// CRC-32 as PNG chunks use it (so libpng reaches the size check).
    private func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
