import ScreenKit
import Testing
@testable import TerminalNcurses

/// The code -> Key table, as wget_wch reports codes. Values are written out from
/// <ncursesw/curses.h> so that a wrong constant in the decoder cannot hide behind the same
/// constant in the test.
@Suite struct KeyDecoderTests {
    static let functionKeys: [(code: Int32, key: Key, name: String)] = [
        (0o403, .up, "KEY_UP"), (0o402, .down, "KEY_DOWN"),
        (0o404, .left, "KEY_LEFT"), (0o405, .right, "KEY_RIGHT"),
        (0o523, .pageUp, "KEY_PPAGE"), (0o522, .pageDown, "KEY_NPAGE"),
        (0o406, .home, "KEY_HOME"), (0o550, .end, "KEY_END"),
        (0o552, .home, "KEY_FIND (\\e[1~ under xterm)"), (0o601, .end, "KEY_SELECT (\\e[4~)"),
        (0o534, .home, "KEY_A1"), (0o535, .pageUp, "KEY_A3"),
        (0o537, .end, "KEY_C1"), (0o540, .pageDown, "KEY_C3"),
        (0o541, .backTab, "KEY_BTAB"), (0o527, .enter, "KEY_ENTER"),
        (0o407, .backspace, "KEY_BACKSPACE"), (0o512, .delete, "KEY_DC"),
        (0o411, .function(1), "KEY_F(1)"), (0o424, .function(12), "KEY_F(12)"),
        (0o507, .function(63), "KEY_F(63)"),
    ]

    @Test func functionKeyCodes() {
        for (code, key, name) in Self.functionKeys {
            #expect(KeyDecoder.decode(code: code, isFunctionKey: true) == key, "\(name)")
        }
    }

    @Test func unusedFunctionCodesAreDropped() {
        for code: Int32 in [0o410 /* KEY_F0 */, 0o631 /* KEY_MOUSE */, 0o632 /* KEY_RESIZE */, 0o542 /* KEY_BEG */] {
            #expect(KeyDecoder.decode(code: code, isFunctionKey: true) == nil, "\(String(code, radix: 8))")
        }
    }

    @Test func controlCharacters() {
        #expect(KeyDecoder.decode(code: 9, isFunctionKey: false) == .tab)
        #expect(KeyDecoder.decode(code: 13, isFunctionKey: false) == .enter)
        #expect(KeyDecoder.decode(code: 10, isFunctionKey: false) == .enter)
        #expect(KeyDecoder.decode(code: 27, isFunctionKey: false) == .escape)
        #expect(KeyDecoder.decode(code: 127, isFunctionKey: false) == .backspace)
        #expect(KeyDecoder.decode(code: 8, isFunctionKey: false) == .backspace)
        #expect(KeyDecoder.decode(code: 1, isFunctionKey: false) == .ctrl("a"))
        #expect(KeyDecoder.decode(code: 4, isFunctionKey: false) == .ctrl("d"))
        #expect(KeyDecoder.decode(code: 12, isFunctionKey: false) == .ctrl("l"))
        #expect(KeyDecoder.decode(code: 26, isFunctionKey: false) == .ctrl("z"))
        for code: Int32 in [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F, -1] {
            #expect(KeyDecoder.decode(code: code, isFunctionKey: false) == nil, "\(code)")
        }
    }

    @Test func printableCharacters() {
        #expect(KeyDecoder.decode(code: 0x20, isFunctionKey: false) == .char(" "))
        #expect(KeyDecoder.decode(code: 0x71, isFunctionKey: false) == .char("q"))
        #expect(KeyDecoder.decode(code: 0x3F, isFunctionKey: false) == .char("?"))
        #expect(KeyDecoder.decode(code: 0xE9, isFunctionKey: false) == .char("é"))
        #expect(KeyDecoder.decode(code: 0x4E2D, isFunctionKey: false) == .char("中"))
        #expect(KeyDecoder.decode(code: 0x1F600, isFunctionKey: false) == .char("😀"))
        // The same number means different things with and without KEY_CODE_YES.
        #expect(KeyDecoder.decode(code: 0o403, isFunctionKey: false) == .char("ă"))
        // Surrogates are not scalars.
        #expect(KeyDecoder.decode(code: 0xD800, isFunctionKey: false) == nil)
    }

    @Test func extraSequencesAreEscapeSequencesForKnownKeys() {
        for (sequence, code) in KeyDecoder.extraSequences {
            #expect(sequence.hasPrefix("\u{1B}"), "\(sequence.debugDescription)")
            #expect(KeyDecoder.decode(code: code, isFunctionKey: true) != nil, "\(sequence.debugDescription)")
        }
        let map = Dictionary(KeyDecoder.extraSequences.map { ($0.sequence, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(map["\u{1B}[1~"].flatMap { KeyDecoder.decode(code: $0, isFunctionKey: true) } == .home)
        #expect(map["\u{1B}[4~"].flatMap { KeyDecoder.decode(code: $0, isFunctionKey: true) } == .end)
        #expect(map["\u{1B}[Z"].flatMap { KeyDecoder.decode(code: $0, isFunctionKey: true) } == .backTab)
    }
}
