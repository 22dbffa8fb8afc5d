import Foundation
import ImageKit

/// PNG bytes to cells for a box: the CPU work behind a `.loadPreview` effect. The effect
/// runner calls it in a background task (never on the UI thread); it is a plain function so
/// tests can feed it corrupt, oversized and real PNGs directly.
public enum PreviewPipeline {
    /// - Parameter maxPixels: headers announcing more pixels are refused before any pixel
    ///   memory is allocated (a hostile 60000x60000 header costs nothing).
    public static func make(data: Data, columns: Int, rows: Int,
                            maxPixels: Int = PNGDecoder.defaultMaxPixels) throws(PreviewError) -> PreviewImage {
        let image: RGBImage
        do {
            image = try PNGDecoder.decode(data, maxPixels: maxPixels)
        } catch {
            throw .image(error)
        }
        let cells = CellScaler.fit(image, columns: columns, rows: rows)
        return PreviewImage(cells: cells, pixelWidth: image.width, pixelHeight: image.height)
    }
}
