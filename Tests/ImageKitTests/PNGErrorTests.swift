import Foundation
import Testing
@testable import ImageKit

@Suite("PNG errors")
struct PNGErrorTests {
    private func decodeError(_ data: Data, maxPixels: Int = PNGDecoder.defaultMaxPixels) -> ImageError? {
        do {
            _ = try PNGDecoder.decode(data, maxPixels: maxPixels)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyData() {
        #expect(decodeError(Data()) == .noData)
    }

    @Test func notAPNG() {
        let error = decodeError(Data("GIF89a, certainly not a PNG".utf8))
        #expect(error == .notPNG)
        #expect(error?.message == "not a PNG image")
        #expect(decodeError(Data([0xFF, 0xD8, 0xFF, 0xE0])) == .notPNG)
    }

    @Test func signaturePrefixAloneIsTruncatedNotForeign() {
        let error = decodeError(Data([0x89, 0x50, 0x4E]))
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
    }

    @Test func truncatedFileReportsLibpngText() throws {
        let data = try PNGEncoder.encode(width: 64, height: 64, samples: noise(count: 64 * 64 * 3),
                                         as: PNGEncoding(colorType: .rgb))
        let error = decodeError(data.prefix(data.count / 2))
        guard case .corrupt(let detail)? = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(detail == "file is truncated")
        #expect(error?.message == "corrupt PNG: file is truncated")
    }

    @Test func hugeHeaderIsRefusedBeforeReadingFurther() {
        let data = headerOnlyPNG(width: 60000, height: 60000)
        let error = decodeError(data)
        // Had the decoder gone past IHDR it would have hit the missing IDAT and said
        // "truncated"; getting tooLarge shows the budget check came first.
        #expect(error == .tooLarge(width: 60000, height: 60000, limit: 64_000_000))
        #expect(error?.message == "PNG is 60000x60000 (3600 MP), above the 64 MP limit")
    }

    @Test func headerWithinBudgetButNoImageDataIsCorrupt() {
        let error = decodeError(headerOnlyPNG(width: 100, height: 100))
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
    }

    @Test func badIHDRChecksumIsCorrupt() {
        let error = decodeError(headerOnlyPNG(width: 4, height: 4, corruptCRC: true))
        guard case .corrupt(let detail)? = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(detail.localizedCaseInsensitiveContains("crc"))
    }

    @Test func zeroWidthIsRejected() {
        #expect(decodeError(headerOnlyPNG(width: 0, height: 10)) == .emptyImage)
    }

    @Test func budgetIsInclusive() throws {
        let data = try PNGEncoder.encode(width: 100, height: 100, samples: noise(count: 100 * 100 * 3),
                                         as: PNGEncoding(colorType: .rgb))
        #expect(decodeError(data, maxPixels: 10_000) == nil)
        #expect(decodeError(data, maxPixels: 9_999) == .tooLarge(width: 100, height: 100, limit: 9_999))
    }

    @Test func megapixelWording() {
        #expect(ImageError.megapixels(64_000_000) == "64 MP")
        #expect(ImageError.megapixels(2_073_600) == "2.1 MP")
        #expect(ImageError.megapixels(9_999) == "9999 pixels")
    }

    @Test func encoderRejectsOutOfRangeSamples() {
        #expect(throws: ImageError.self) {
            _ = try PNGEncoder.encode(width: 2, height: 1, samples: [0, 4],
                                      as: PNGEncoding(colorType: .grey, bitDepth: 2))
        }
        #expect(throws: ImageError.invalidInput("sample count does not match width * height * channels")) {
            _ = try PNGEncoder.encode(width: 2, height: 2, samples: [0, 1],
                                      as: PNGEncoding(colorType: .grey))
        }
    }
}
