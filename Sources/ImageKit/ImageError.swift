/// Why an image could not be decoded or encoded. `message` is meant for the user.
public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    case noData
    case notPNG
    /// Truncated or malformed data; carries libpng's own description.
    case corrupt(String)
    case tooLarge(width: Int, height: Int, limit: Int)
    case emptyImage
    case outOfMemory(String)
    /// The encoder was given inconsistent input.
    case invalidInput(String)
    /// The file could not be read at all (path and reason).
    case unreadable(String)

    public var message: String {
        switch self {
        case .noData:
            return "no image data (0 bytes)"
        case .notPNG:
            return "not a PNG image"
        case .corrupt(let detail):
            return "corrupt PNG: \(detail)"
        case .tooLarge(let width, let height, let limit):
            return "PNG is \(width)x\(height) (\(Self.megapixels(width * height))), above the \(Self.megapixels(limit)) limit"
        case .emptyImage:
            return "PNG has a zero width or height"
        case .outOfMemory(let detail):
            return "out of memory: \(detail)"
        case .invalidInput(let detail):
            return "cannot encode PNG: \(detail)"
        case .unreadable(let detail):
            return "cannot read image: \(detail)"
        }
    }

    public var description: String { message }

    /// "3600 MP", "2.1 MP", or plain pixels below 0.1 MP where MP would read as 0.
    public static func megapixels(_ pixels: Int) -> String {
        if pixels >= 10_000_000 || (pixels >= 1_000_000 && pixels % 1_000_000 == 0) {
            return "\((pixels + 500_000) / 1_000_000) MP"
        }
        if pixels >= 100_000 {
            let tenths = (pixels + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) MP"
        }
        return "\(pixels) pixels"
    }
}
