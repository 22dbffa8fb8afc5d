import Testing

@Test func ImageKitPlaceholder() { #expect(Bool(true)) }
