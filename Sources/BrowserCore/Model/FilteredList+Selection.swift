/// Changing what a list shows (the `/` text, the marks filter) keeps the operator on the
/// item they had selected while it still shows; one place for the four lists-and-filters.
extension FilteredList {
    /// Applies `change`, then reselects: the same item if it still shows, else `fallback`
    /// (given the old row).
    mutating func refilter(_ selection: inout ListState, rows: Int, fallback: (Int) -> Int,
                           _ change: (inout FilteredList) -> Void) {
        let oldRow = selection.selected
        let item = visible.indices.contains(oldRow) ? visible[oldRow] : nil
        change(&self)
        let newRow = item.flatMap { self.row(ofItem: $0) } ?? fallback(oldRow)
        selection.select(newRow, count: count, rows: rows)
    }
}
