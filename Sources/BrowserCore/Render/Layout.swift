import ScreenKit

/// Where each panel goes for a window size. Pure, so the reducer (page sizes, scrolling) and
/// the renderers agree on it. Wide windows show every panel in three columns; narrow ones
/// stack the two lists over the detail pane(s) that matter for the focus; below the minimum
/// only a message is drawn.
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 20
    public static let minimumHeight = 5
    /// From this width on, the panels stand side by side.
    public static let sideBySideWidth = 100

    public let width: Int
    public let height: Int
    public let title: Rect
    public let status: Rect
    /// Each panel's rectangle, its header row included; `.zero` when hidden.
    public let panels: [PanelID: Rect]
    /// Columns drawn as vertical separators.
    public let separators: [Rect]
    public let isTooSmall: Bool
    public let isSideBySide: Bool

    public init(width: Int, height: Int, focus: PanelID = .videos) {
        self.width = max(0, width)
        self.height = max(0, height)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let full = Rect(x: 0, y: 0, width: self.width, height: self.height)
        let (titleRow, rest) = full.splitTop(1)
        let (body, statusRow) = rest.splitBottom(1)
        title = titleRow
        status = statusRow
        var panels: [PanelID: Rect] = [:]
        for p in PanelID.allCases { panels[p] = .zero }
        var separators: [Rect] = []
        isSideBySide = self.width >= Self.sideBySideWidth && !isTooSmall
        if isTooSmall {
            // Nothing but the message.
        } else if isSideBySide {
            // [videos / video metadata] | [frames] | [preview / metrics / frame metadata]
            let (left, r1) = body.splitLeft(body.width * 40 / 100)
            let (sep1, r2) = r1.splitLeft(1)
            let (middle, r3) = r2.splitLeft(body.width * 20 / 100)
            let (sep2, right) = r3.splitLeft(1)
            let (videos, videoMeta) = left.splitTop(left.height * 58 / 100)
            let (preview, r4) = right.splitTop(right.height * 48 / 100)
            let (metrics, frameMeta) = r4.splitTop(r4.height / 2)
            panels[.videos] = videos
            panels[.videoMetadata] = videoMeta
            panels[.frames] = middle
            panels[.preview] = preview
            panels[.metrics] = metrics
            panels[.frameMetadata] = frameMeta
            separators = [sep1, sep2]
        } else {
            let (videos, r1) = body.splitTop(max(2, body.height * 36 / 100))
            let (frames, detail) = r1.splitTop(max(2, body.height * 26 / 100))
            panels[.videos] = videos
            panels[.frames] = frames
            if detail.width >= 60 {
                let (left, r3) = detail.splitLeft(detail.width / 2)
                let (sep, right) = r3.splitLeft(1)
                panels[focus == .metrics ? .metrics : .videoMetadata] = left
                panels[focus == .preview ? .preview : .frameMetadata] = right
                separators = [sep]
            } else {
                // Room for one detail pane: the focused one, else the one about the selection.
                let shown: PanelID
                switch focus {
                case .videos: shown = .videoMetadata
                case .frames: shown = .frameMetadata
                default: shown = focus
                }
                panels[shown] = detail
            }
        }
        self.panels = panels
        self.separators = separators
    }

    public func rect(_ panel: PanelID) -> Rect { panels[panel] ?? .zero }

    /// Rows available for content below the panel's header row.
    public func contentRows(_ panel: PanelID) -> Int { max(0, rect(panel).height - 1) }
}
