// ScreenKit module.
