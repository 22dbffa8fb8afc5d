/// The full-window frame player. It shows the frames list's selection (stepping moves that
/// selection), so closing the player leaves the list on the frame the operator got to.
public struct PlayerState: Hashable, Sendable {
    /// The rates `+`/`-` step through, frames per second.
    public static let rates = [1, 2, 5, 10, 15, 24]

    public var rateIndex: Int
    public var playing = false
    /// A tick found the next frame not decoded yet. Playback resumes when it arrives rather
    /// than skip into a blank frame.
    public var waiting = false

    public init(rateIndex: Int = 3) {
        self.rateIndex = min(max(0, rateIndex), Self.rates.count - 1)
    }

    public var fps: Int { Self.rates[rateIndex] }
    public var interval: Double { 1.0 / Double(fps) }
}
