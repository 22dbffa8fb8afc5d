public enum Keymap {
    public static func helpMarkdown() -> String { "" }
}
