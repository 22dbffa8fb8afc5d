import Testing

@Test func DemoServerPlaceholder() { #expect(Bool(true)) }
