/// A 24-bit colour.
public struct RGB: Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
}

/// A colour as the terminal layer understands it; the terminal layer maps it down to what
/// the real terminal supports (or drops it under NO_COLOR).
public enum TermColor: Hashable, Sendable {
    /// The terminal's own default foreground/background.
    case none
    /// One of the 16 standard colours (0...15).
    case ansi(UInt8)
    /// An xterm-256 palette index.
    case indexed(UInt8)
    case rgb(RGB)
}

public struct Style: Hashable, Sendable {
    public var fg: TermColor
    public var bg: TermColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: TermColor = .none, bg: TermColor = .none, bold: Bool = false,
                dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.dim = dim
        self.reverse = reverse; self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell. `text` holds one grapheme cluster of display width 1 or 2; the cell
/// to the right of a width-2 grapheme holds `""` (a continuation) so that columns line up.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}
