/// Fits an image into a box of terminal cells, two square pixels per cell.
public enum CellScaler {
    /// Size in pixels of the image once fitted inside `columns x (2 * rows)` pixels,
    /// keeping its aspect ratio. Without `upscale`, images that already fit keep
    /// their size.
    public static func fittedPixelSize(imageWidth: Int, imageHeight: Int, columns: Int, rows: Int,
                                       upscale: Bool = true) -> (width: Int, height: Int) {
        let boxWidth = columns, boxHeight = rows * 2
        guard imageWidth > 0, imageHeight > 0, boxWidth > 0, boxHeight > 0 else { return (0, 0) }
        if !upscale && imageWidth <= boxWidth && imageHeight <= boxHeight {
            return (imageWidth, imageHeight)
        }
        // Compare ratios by cross-multiplying so the limiting side is exact.
        if imageWidth * boxHeight >= imageHeight * boxWidth {
            let height = (imageHeight * boxWidth * 2 + imageWidth) / (imageWidth * 2)
            return (boxWidth, min(boxHeight, max(1, height)))
        } else {
            let width = (imageWidth * boxHeight * 2 + imageHeight) / (imageHeight * 2)
            return (min(boxWidth, max(1, width)), boxHeight)
        }
    }

    /// The image area-averaged into `columns x rows` cells, centred; cells (or cell
    /// halves) outside the image are nil.
    public static func fit(_ image: RGBImage, columns: Int, rows: Int, upscale: Bool = true) -> CellImage {
        let columns = max(0, columns), rows = max(0, rows)
        let size = fittedPixelSize(imageWidth: image.width, imageHeight: image.height,
                                   columns: columns, rows: rows, upscale: upscale)
        guard size.width > 0, size.height > 0 else {
            return CellImage(width: columns, height: rows,
                             cells: [CellPixel](repeating: .empty, count: columns * rows))
        }
        let scaled = AreaResampler.resample(image, width: size.width, height: size.height)
        let left = (columns - size.width) / 2
        let topPixel = (rows * 2 - size.height) / 2
        var cells = [CellPixel](repeating: .empty, count: columns * rows)
        scaled.pixels.withUnsafeBufferPointer { pixels in
            cells.withUnsafeMutableBufferPointer { out in
                for row in 0..<rows {
                    for half in 0..<2 {
                        let y = row * 2 + half - topPixel
                        guard y >= 0 && y < size.height else { continue }
                        for x in 0..<size.width {
                            let i = (y * size.width + x) * 3
                            let colour = RGB(pixels[i], pixels[i + 1], pixels[i + 2])
                            if half == 0 {
                                out[row * columns + left + x].top = colour
                            } else {
                                out[row * columns + left + x].bottom = colour
                            }
                        }
                    }
                }
            }
        }
        return CellImage(width: columns, height: rows, cells: cells)
    }
}
