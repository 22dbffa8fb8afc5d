import Foundation
import Testing
@testable import ImageKit

@Suite("PNG decoding of every colour type and bit depth")
struct PNGDecoderTests {
    @Test("grey at 1, 2, 4 and 8 bits expands to the full 0...255 range", arguments: [1, 2, 4, 8])
    func greyLowDepths(bitDepth: Int) throws {
        let maxValue = (1 << bitDepth) - 1
        // Odd width so packed rows end mid-byte.
        let samples = (0..<9).map { UInt16($0 % (maxValue + 1)) }
        let image = try roundTrip(width: 9, height: 1, samples: samples,
                                  PNGEncoding(colorType: .grey, bitDepth: bitDepth))
        let expected = samples.map { sample -> RGB in
            let v = UInt8(Int(sample) * 255 / maxValue)
            return RGB(v, v, v)
        }
        #expect(colours(image) == expected)
    }

    @Test func grey16ScalesToEightBits() throws {
        let samples: [UInt16] = [0, 0x8080, 0xFFFF, 57 * 257]
        let image = try roundTrip(width: 2, height: 2, samples: samples,
                                  PNGEncoding(colorType: .grey, bitDepth: 16))
        #expect(colours(image) == [RGB(0, 0, 0), RGB(128, 128, 128), RGB(255, 255, 255), RGB(57, 57, 57)])
    }

    @Test func greyAlphaCompositesOverBackground() throws {
        let background = RGB(10, 20, 30)
        let samples: [UInt16] = [200, 255, 200, 0, 200, 128]
        let image = try roundTrip(width: 3, height: 1, samples: samples,
                                  PNGEncoding(colorType: .greyAlpha), background: background)
        #expect(colours(image) == [
            RGB(200, 200, 200),
            background,
            RGB(over(200, alpha: 128, background: 10), over(200, alpha: 128, background: 20),
                over(200, alpha: 128, background: 30)),
        ])
    }

    @Test func greyAlpha16() throws {
        let samples: [UInt16] = [100 * 257, 0xFFFF, 100 * 257, 0]
        let image = try roundTrip(width: 2, height: 1, samples: samples,
                                  PNGEncoding(colorType: .greyAlpha, bitDepth: 16), background: .white)
        #expect(colours(image) == [RGB(100, 100, 100), .white])
    }

    @Test func rgb8KeepsExactValues() throws {
        let samples: [UInt16] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 12, 34, 56]
        let image = try roundTrip(width: 2, height: 2, samples: samples, PNGEncoding(colorType: .rgb))
        #expect(image.width == 2 && image.height == 2)
        #expect(colours(image) == [RGB(255, 0, 0), RGB(0, 255, 0), RGB(0, 0, 255), RGB(12, 34, 56)])
    }

    @Test func rgb16() throws {
        let samples: [UInt16] = [0xFFFF, 0, 1 * 257, 200 * 257, 0x8080, 0]
        let image = try roundTrip(width: 2, height: 1, samples: samples,
                                  PNGEncoding(colorType: .rgb, bitDepth: 16))
        #expect(colours(image) == [RGB(255, 0, 1), RGB(200, 128, 0)])
    }

    @Test func rgbaCompositesEachChannel() throws {
        let background = RGB(40, 80, 120)
        let samples: [UInt16] = [250, 10, 100, 255, 250, 10, 100, 0, 250, 10, 100, 64]
        let image = try roundTrip(width: 3, height: 1, samples: samples,
                                  PNGEncoding(colorType: .rgba), background: background)
        #expect(colours(image) == [
            RGB(250, 10, 100),
            background,
            RGB(over(250, alpha: 64, background: 40), over(10, alpha: 64, background: 80),
                over(100, alpha: 64, background: 120)),
        ])
    }

    @Test func rgba16() throws {
        let samples: [UInt16] = [0xFFFF, 0, 0, 0xFFFF, 0, 0xFFFF, 0, 0]
        let image = try roundTrip(width: 2, height: 1, samples: samples,
                                  PNGEncoding(colorType: .rgba, bitDepth: 16), background: RGB(1, 2, 3))
        #expect(colours(image) == [RGB(255, 0, 0), RGB(1, 2, 3)])
    }

    @Test("palette at 1, 2, 4 and 8 bits maps indices to entries", arguments: [1, 2, 4, 8])
    func palette(bitDepth: Int) throws {
        let all = [RGB(255, 0, 0), RGB(0, 255, 0), RGB(0, 0, 255), RGB(9, 8, 7)]
        let palette = Array(all.prefix(min(all.count, 1 << bitDepth)))
        let samples = (0..<7).map { UInt16($0 % palette.count) }
        let image = try roundTrip(width: 7, height: 1, samples: samples,
                                  PNGEncoding(colorType: .palette, bitDepth: bitDepth, palette: palette))
        #expect(colours(image) == samples.map { palette[Int($0)] })
    }

    @Test func paletteWithTRNSComposites() throws {
        let background = RGB(0, 0, 100)
        // Alpha given for the first two entries only: the third must stay opaque.
        let encoding = PNGEncoding(colorType: .palette, bitDepth: 8,
                                   palette: [RGB(255, 255, 255), RGB(200, 0, 0), RGB(0, 200, 0)],
                                   paletteAlpha: [0, 128])
        let image = try roundTrip(width: 3, height: 1, samples: [0, 1, 2], encoding, background: background)
        #expect(colours(image) == [
            background,
            RGB(over(200, alpha: 128, background: 0), 0, over(0, alpha: 128, background: 100)),
            RGB(0, 200, 0),
        ])
    }

    @Test func rgbColourKeyBecomesBackground() throws {
        let encoding = PNGEncoding(colorType: .rgb, transparentKey: [1, 2, 3])
        let image = try roundTrip(width: 2, height: 1, samples: [1, 2, 3, 1, 2, 4], encoding,
                                  background: RGB(90, 91, 92))
        #expect(colours(image) == [RGB(90, 91, 92), RGB(1, 2, 4)])
    }

    @Test func greyColourKeyBecomesBackground() throws {
        let encoding = PNGEncoding(colorType: .grey, bitDepth: 4, transparentKey: [5])
        let image = try roundTrip(width: 2, height: 1, samples: [5, 6], encoding, background: RGB(1, 1, 1))
        #expect(colours(image) == [RGB(1, 1, 1), RGB(102, 102, 102)])
    }

    @Test("Adam7 interlaced files decode to the same pixels as plain ones",
          arguments: [(PNGColorType.rgb, 8), (.rgba, 16), (.grey, 1), (.palette, 4)])
    func interlaced(colorType: PNGColorType, bitDepth: Int) throws {
        // 13x11 is not a multiple of 8, so every Adam7 pass has a partial block.
        let width = 13, height = 11
        let limit = colorType == .palette ? 16 : (1 << bitDepth)
        let samples = (0..<(width * height * colorType.channels)).map { UInt16(($0 * 7919) % limit) }
        let palette = (0..<16).map { (i: Int) -> RGB in
            let step = UInt8(i * 16)
            return RGB(step, 255 - step, UInt8(i))
        }
        var encoding = PNGEncoding(colorType: colorType, bitDepth: bitDepth,
                                   palette: colorType == .palette ? palette : [])
        let plain = try roundTrip(width: width, height: height, samples: samples, encoding)
        encoding.interlaced = true
        let interlacedData = try PNGEncoder.encode(width: width, height: height, samples: samples, as: encoding)
        // Byte 28 of the file is IHDR's interlace method: proves the fixture really is Adam7.
        #expect(interlacedData[28] == 1)
        let adam7 = try PNGDecoder.decode(interlacedData, background: RGB(10, 20, 30))
        #expect(adam7 == plain)
        #expect(plain.width == width && plain.height == height)
    }

    @Test func rgbImageConvenienceEncoderRoundTrips() throws {
        let image = RGBImage(width: 3, height: 2, pixels: (0..<18).map { UInt8($0 * 14) })
        let decoded = try PNGDecoder.decode(try PNGEncoder.encode(image))
        #expect(decoded == image)
    }
}
