import ScreenKit

/// How marks, notes, the marks filter, downloads and the note editor look. The list panels,
/// metadata panes and status line call in here, so the triage look lives in one file.
enum TriageCells {
    /// Columns the marks column takes at the very start of a list row (where rows otherwise
    /// have a blank margin): mark, note, then the row's own one-space margin follows, so a
    /// row's text moves right by only two columns.
    static let columnWidth = 2

    static func style(_ mark: Mark) -> Style {
        switch mark {
        case .good: return Style(fg: .ansi(2), bold: true)
        case .bad: return Style(fg: .ansi(1), bold: true)
        case .review: return Style(fg: .ansi(3), bold: true)
        }
    }

    /// Draws `✓✎` (or blanks) at `x`; colours keep the row's reverse/underline so the
    /// selected row still reads as selected. Returns the columns used.
    @discardableResult
    static func drawColumn(_ entry: TriageEntry?, x: Int, y: Int, base: Style, clip: Rect,
                           _ buffer: inout ScreenBuffer) -> Int {
        if let mark = entry?.mark {
            var s = style(mark)
            s.reverse = base.reverse
            s.underline = base.underline
            buffer.put(mark.glyph, x: x, y: y, style: s, clip: clip)
        }
        if let note = entry?.note, !note.isEmpty {
            buffer.put("✎", x: x + 1, y: y, style: base, clip: clip)
        }
        return columnWidth
    }

    /// " [bad]" for a panel header when the `f` filter is on, "" otherwise.
    static func filterTag(_ filter: MarkFilter) -> String {
        filter == .all ? "" : "  [\(filter.rawValue)]"
    }

    /// The empty-list message when the marks filter hides everything.
    static func emptyMessage(_ filter: MarkFilter, what: String) -> String {
        "no \(what) is \(filter == .review ? "marked review" : filter.rawValue) (f cycles the filter)"
    }

    /// Metadata lines about the mark and note, shown first in the pane.
    static func metadataPairs(_ entry: TriageEntry?) -> [(String, String?)] {
        guard let entry else { return [] }
        var who = entry.user
        if !entry.updatedAt.isEmpty { who += (who.isEmpty ? "" : " · ") + shortTime(entry.updatedAt) }
        return [
            ("mark", entry.mark.map(\.word)),
            ("triage note", entry.note),
            ("triaged by", who.isEmpty ? "saving…" : who),
        ]
    }

    /// `2026-03-01T12:00:00.000Z` -> `2026-03-01 12:00 UTC`.
    static func shortTime(_ iso: String) -> String {
        let c = Array(iso)
        guard c.count >= 16, c[10] == "T" else { return iso }
        return String(c[0..<10]) + " " + String(c[11..<16]) + " UTC"
    }

    /// The note editor in the status row: a label, the visible part of the text, a cursor.
    static func drawNoteEditor(_ note: NoteEditor, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        let what = note.item.kind == .frame ? shortLabel(note.item) : "video"
        let label = "note on \(what) (Enter saves, Esc cancels): "
        let x = rect.x + buffer.put(Sanitizer.fit(label, width: max(1, rect.width / 2)), x: rect.x, y: rect.y,
                                    style: Theme.notice, clip: rect)
        let (text, cursor) = note.editor.window(width: max(1, rect.maxX - x))
        buffer.put(text, x: x, y: rect.y, clip: rect)
        let cx = x + cursor
        guard cx >= rect.x, cx < rect.maxX, cx < buffer.width, rect.y < buffer.height else { return }
        let under = buffer[cx, rect.y].text
        buffer.set(x: cx, y: rect.y, Cell(under.isEmpty ? " " : under, style: Style(reverse: true)), clip: rect)
    }

    /// The status line's idle text: downloads first, then a read-only database.
    static func statusMessage(_ state: AppState) -> (String, Style)? {
        if let text = downloadStatusText(state) { return (text, Theme.notice) }
        return nil
    }

    static func readOnlyMessage(_ state: AppState) -> (String, Style)? {
        state.triage.readOnlyReason.map { ("marks are read-only: " + $0, Theme.error) }
    }
}
