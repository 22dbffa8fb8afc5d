// BrowserCore module.
