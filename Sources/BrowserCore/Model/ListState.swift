/// Selection and scroll of one list (or scroll only, for a metadata pane), kept apart from
/// drawing so that the reducer owns it and renderers only read it.
public struct ListState: Hashable, Sendable {
    /// Index into the list as shown (after filtering); 0 when the list is empty.
    public var selected = 0
    /// First row drawn.
    public var offset = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped to the list, then keeps it visible.
    public mutating func move(by delta: Int, count: Int, rows: Int) {
        select(selected + delta, count: count, rows: rows)
    }

    public mutating func select(_ index: Int, count: Int, rows: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
        keepVisible(count: count, rows: rows)
    }

    /// Clamps after the list or the window changed size, keeping the selection on screen.
    public mutating func keepVisible(count: Int, rows: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        let rows = max(1, rows)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }

    /// Scrolls a pane without a selection (metadata), clamped so the last line stays reachable.
    public mutating func scroll(by delta: Int, count: Int, rows: Int) {
        offset = max(0, min(offset + delta, max(0, count - max(1, rows))))
    }
}
