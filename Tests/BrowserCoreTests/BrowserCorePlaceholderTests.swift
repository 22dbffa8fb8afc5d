import Testing

@Test func BrowserCorePlaceholder() { #expect(Bool(true)) }
