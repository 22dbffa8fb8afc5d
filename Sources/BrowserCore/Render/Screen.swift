import ScreenKit
public enum Screen {
    public static func render(_ state: AppState) -> ScreenBuffer { ScreenBuffer(width: state.width, height: state.height) }
}
