import AtomscaleAPI

public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var sourceLabel: String
    public var wantsQuit = false
    public init(width: Int, height: Int, sourceLabel: String) {
        self.width = width; self.height = height; self.sourceLabel = sourceLabel
    }
}
