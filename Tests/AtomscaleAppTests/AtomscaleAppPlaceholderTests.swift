import Testing

@Test func AtomscaleAppPlaceholder() { #expect(Bool(true)) }
