import Testing

@Test func AtomscaleAPIPlaceholder() { #expect(Bool(true)) }
