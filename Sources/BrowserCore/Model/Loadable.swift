/// A panel's data as the user should understand it: not asked for yet, on its way, there,
/// or failed with a message to show in the panel.
public enum Loadable<Value: Sendable>: Sendable {
    case idle
    case loading
    case loaded(Value)
    case failed(String)

    public var value: Value? {
        if case .loaded(let v) = self { return v }
        return nil
    }

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }

    public var errorMessage: String? {
        if case .failed(let m) = self { return m }
        return nil
    }
}
