import Testing

@Test func TriageStorePlaceholder() { #expect(Bool(true)) }
