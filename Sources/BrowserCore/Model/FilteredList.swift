/// Items plus the `/` filter over them. The lower-cased search text of every item is built
/// once when the items arrive, so a keystroke of the filter is one pass of substring checks
/// (100,000 names stay interactive) and never re-lowercases the catalogue.
public struct FilteredList<Item: Sendable>: Sendable {
    public private(set) var items: [Item] = []
    public private(set) var filter = ""
    /// Indices into `items` of the rows shown, in order.
    public private(set) var visible: [Int] = []
    private var haystacks: [String] = []
    /// A second filter on the items themselves (the `f` marks filter), applied after the
    /// text filter; nil lets every item through.
    private var predicate: (@Sendable (Item) -> Bool)?

    public init() {}

    public init(_ items: [Item], searchText: (Item) -> String) {
        setItems(items, searchText: searchText)
    }

    public var count: Int { visible.count }
    public var isFiltered: Bool { !filter.isEmpty }

    public subscript(row: Int) -> Item? {
        row >= 0 && row < visible.count ? items[visible[row]] : nil
    }

    public mutating func setItems(_ newItems: [Item], searchText: (Item) -> String) {
        items = newItems
        haystacks = newItems.map { searchText($0).lowercased() }
        refilter()
    }

    public mutating func setFilter(_ text: String) {
        guard text != filter else { return }
        // Typing one more character only narrows: search the rows still shown.
        let narrowing = !filter.isEmpty && text.hasPrefix(filter)
        filter = text
        refilter(within: narrowing ? visible : nil)
    }

    /// Sets (or clears, with nil) the item predicate. The caller sets it again whenever what
    /// the predicate looks at changes (a mark was added), since the closure is opaque here.
    public mutating func setPredicate(_ newPredicate: (@Sendable (Item) -> Bool)?) {
        predicate = newPredicate
        refilter()
    }

    /// Replaces one item (same position), keeping both filters in force.
    public mutating func replaceItem(at index: Int, with item: Item, searchText: (Item) -> String) {
        guard items.indices.contains(index) else { return }
        items[index] = item
        haystacks[index] = searchText(item).lowercased()
        refilter()
    }

    /// The row showing `items[index]`, if the filter lets it through.
    public func row(ofItem index: Int) -> Int? { visible.firstIndex(of: index) }

    private mutating func refilter(within candidates: [Int]? = nil) {
        let needle = filter.lowercased()
        let pool = candidates ?? Array(items.indices)
        switch (needle.isEmpty, predicate) {
        case (true, nil): visible = pool
        case (true, let p?): visible = pool.filter { p(items[$0]) }
        case (false, nil): visible = pool.filter { haystacks[$0].contains(needle) }
        case (false, let p?): visible = pool.filter { haystacks[$0].contains(needle) && p(items[$0]) }
        }
    }
}
