import ScreenKit

/// A one-line text editor with a cursor: the usual readline keys, no I/O. Works on
/// characters (grapheme clusters), so a cursor never lands inside an emoji or a combining
/// sequence.
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: [Character]
    /// 0...text.count; the character at `cursor` is the one drawn under the cursor.
    public private(set) var cursor: Int
    public let maxLength: Int

    public enum Outcome: Hashable, Sendable {
        case edited
        case submit
        case cancel
        /// A key the editor does not use (it is swallowed: the editor is modal).
        case ignored
    }

    public init(_ text: String = "", maxLength: Int = 500) {
        self.maxLength = maxLength
        self.text = Array(text.prefix(maxLength))
        cursor = self.text.count
    }

    public var string: String { String(text) }

    public mutating func apply(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submit
        case .escape: return .cancel
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .edited }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return .edited }
            text.remove(at: cursor)
        case .ctrl("u"):
            // As in readline: delete from the start of the line to the cursor.
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            text.removeSubrange(cursor..<text.count)
        case .ctrl("w"):
            // The word before the cursor, and the blanks between it and the cursor.
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .char(let c):
            // Control characters never get in: the note ends up in exports and other
            // terminals; Sanitizer decides what is printable.
            guard text.count < maxLength, Sanitizer.clean(String(c)) == String(c) else { return .edited }
            text.insert(c, at: cursor)
            cursor += 1
        default:
            return .ignored
        }
        return .edited
    }

    /// The part of the text to draw in `width` cells so the cursor stays visible, and the
    /// cursor's column within it.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        let width = max(1, width)
        var start = 0
        func columns(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + DisplayWidth.of(text[$1]) } }
        // Leave one cell for the cursor itself at the end of the text.
        while start < cursor, columns(start..<cursor) + 1 > width { start += 1 }
        var end = cursor
        var used = columns(start..<cursor)
        while end < text.count, used + DisplayWidth.of(text[end]) <= width {
            used += DisplayWidth.of(text[end])
            end += 1
        }
        return (String(text[start..<end]), columns(start..<cursor))
    }
}

/// The `n` editor: which item the note is for, and the text being edited.
public struct NoteEditor: Hashable, Sendable {
    public var item: TriageItem
    public var editor: LineEditor
    /// The note as it was, to tell "unchanged" from "cleared".
    public var original: String
}
