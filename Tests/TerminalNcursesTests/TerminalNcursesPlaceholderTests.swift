import Testing

@Test func TerminalNcursesPlaceholder() { #expect(Bool(true)) }
