/// Input text quoted in error messages, cut short so that a huge field never floods the terminal.
public enum Snippet {
    public static let limit = 40

    public static func quoted(_ text: some StringProtocol) -> String {
        guard text.count > limit else { return "'\(text)'" }
        return "'\(text.prefix(limit))…' (\(text.count) characters)"
    }
}
