/// Items plus the `/` filter over them. The lower-cased search text of every item is built
/// once when the items arrive (`SearchTexts`, one byte buffer), so a keystroke of the filter
/// is one byte scan (100,000 names take milliseconds) and never re-lowercases the catalogue.
/// A list can be built off the UI thread and handed over whole (`adoptItems(of:)`).
public struct FilteredList<Item: Sendable>: Sendable {
    public private(set) var items: [Item] = []
    public private(set) var filter = ""
    /// Indices into `items` of the rows shown, in order.
    public private(set) var visible: [Int] = []
    private var haystacks = SearchTexts()
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
        haystacks = SearchTexts(newItems, searchText: searchText)
        refilter()
    }

    /// Takes the items and the built search texts of `other` (made off the UI thread),
    /// keeping this list's filter and predicate in force.
    public mutating func adoptItems(of other: FilteredList) {
        items = other.items
        haystacks = other.haystacks
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
        haystacks.replace(index, with: searchText(item))
        refilter()
    }

    /// The row showing `items[index]`, if the filter lets it through.
    public func row(ofItem index: Int) -> Int? { visible.firstIndex(of: index) }

    private mutating func refilter(within candidates: [Int]? = nil) {
        let matches = haystacks.matching(SearchTexts.needle(filter), among: candidates)
        visible = predicate.map { p in matches.filter { p(items[$0]) } } ?? matches
    }
}
