/// The panels of the browser, in the order `Tab` and the digit keys visit them.
public enum PanelID: Int, CaseIterable, Sendable, Hashable {
    case videos = 1
    case frames = 2
    case videoMetadata = 3
    case frameMetadata = 4
    /// The selected frame as an image.
    case preview = 5
    /// The selected video's per-frame metrics as plots.
    case metrics = 6

    public var title: String {
        switch self {
        case .videos: return "Videos"
        case .frames: return "Frames"
        case .videoMetadata: return "Video"
        case .frameMetadata: return "Frame"
        case .preview: return "Preview"
        case .metrics: return "Metrics"
        }
    }

    /// Lists hold selectable rows and can be filtered; metadata panes only scroll.
    public var isList: Bool { self == .videos || self == .frames }

    public var next: PanelID { PanelID(rawValue: rawValue % PanelID.allCases.count + 1)! }
    public var previous: PanelID {
        PanelID(rawValue: (rawValue + PanelID.allCases.count - 2) % PanelID.allCases.count + 1)!
    }
}
