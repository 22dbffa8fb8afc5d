import Testing

@Test func ScreenKitPlaceholder() { #expect(Bool(true)) }
