import Foundation
import ImageKit
import ScreenKit

/// PNG bytes to cells for a box: the CPU work behind a `.loadPreview` effect. The effect
/// runner calls it in a background task (never on the UI thread); it is a plain function so
/// tests can feed it corrupt, oversized and real PNGs directly.
public enum PreviewPipeline {
    /// Largest PNG sent to the terminal in kitty mode (about 2.7 MB once in base64): the UI
    /// thread writes it in one go after a draw, and over SSH every byte counts.
    public static let kittyMaxBytes = 2 << 20
    /// Pixels per cell assumed when a frame is shrunk before sending: generous (HiDPI cells
    /// are about 16x32), so the terminal still has every pixel it can show.
    public static let kittyCellPixels = (width: 16, height: 32)

    /// - Parameters:
    ///   - maxPixels: headers announcing more pixels are refused before any pixel
    ///     memory is allocated (a hostile 60000x60000 header costs nothing).
    ///   - kitty: also prepare the PNG for the kitty graphics protocol (`PreviewImage.kitty`).
    ///     The cells are made all the same: they are the fallback.
    public static func make(data: Data, columns: Int, rows: Int,
                            maxPixels: Int = PNGDecoder.defaultMaxPixels,
                            kitty: Bool = false) throws(PreviewError) -> PreviewImage {
        let image: RGBImage
        do {
            image = try PNGDecoder.decode(data, maxPixels: maxPixels)
        } catch {
            throw .image(error)
        }
        let cells = CellScaler.fit(image, columns: columns, rows: rows)
        let picture = kitty ? kittyPicture(data: data, image: image, columns: columns, rows: rows) : nil
        return PreviewImage(cells: cells, pixelWidth: image.width, pixelHeight: image.height, kitty: picture)
    }

    /// The placement for a box: the image's aspect ratio fitted into `columns x rows` cells
    /// (a cell taken as twice as tall as wide, as for half blocks), and the PNG to send: the
    /// original bytes when they are small enough and not far bigger than the placement can
    /// show, else the frame shrunk to `kittyCellPixels` per cell and encoded again. nil when
    /// even that is over `kittyMaxBytes` or the box is too big for the placeholders.
    public static func kittyPicture(data: Data, image: RGBImage, columns: Int, rows: Int) -> KittyPicture? {
        let fitted = CellScaler.fittedPixelSize(imageWidth: image.width, imageHeight: image.height,
                                                columns: columns, rows: rows)
        let placeColumns = fitted.width, placeRows = (fitted.height + 1) / 2
        guard placeColumns > 0, placeRows > 0,
              placeColumns <= KittyGraphics.maxSpan, placeRows <= KittyGraphics.maxSpan else { return nil }
        let maxWidth = placeColumns * kittyCellPixels.width, maxHeight = placeRows * kittyCellPixels.height
        if data.count <= kittyMaxBytes, image.width <= maxWidth, image.height <= maxHeight {
            return KittyPicture(png: data, columns: placeColumns, rows: placeRows,
                                pixelWidth: image.width, pixelHeight: image.height)
        }
        // Shrink to fit maxWidth x maxHeight, keeping the aspect ratio (never enlarge).
        let scale = min(1.0, min(Double(maxWidth) / Double(image.width), Double(maxHeight) / Double(image.height)))
        let width = max(1, Int((Double(image.width) * scale).rounded()))
        let height = max(1, Int((Double(image.height) * scale).rounded()))
        let small = (width, height) == (image.width, image.height)
            ? image : AreaResampler.resample(image, width: width, height: height)
        guard let png = try? PNGEncoder.encode(small), png.count <= kittyMaxBytes else { return nil }
        return KittyPicture(png: png, columns: placeColumns, rows: placeRows, pixelWidth: width, pixelHeight: height)
    }
}
