import AtomscaleAPI
import Foundation
import ScreenKit

/// How the metrics pane divides its rows: each metric shown takes a title line and
/// `plotRows` plot lines; a footer line (alignment rule, anomaly count) when there is room.
/// Shared by the renderer and the reducer (scrolling), so both agree on what fits.
public enum MetricsLayout {
    public static let maxPlotRows = 6

    public struct Plan: Hashable, Sendable {
        public let plotRows: Int
        /// Metrics shown at once.
        public let visible: Int
        public let footer: Bool
    }

    /// Plots grow (up to `maxPlotRows`) while every metric still fits; with many metrics
    /// each gets one plot line and the pane scrolls. Below two rows only titles are shown.
    public static func plan(metricCount: Int, height: Int) -> Plan {
        guard metricCount > 0, height > 0 else { return Plan(plotRows: 0, visible: 0, footer: false) }
        let footer = height >= 4
        let rows = height - (footer ? 1 : 0)
        if rows < 2 { return Plan(plotRows: 0, visible: min(metricCount, rows), footer: footer) }
        let plotRows = max(1, min(maxPlotRows, rows / metricCount - 1))
        return Plan(plotRows: plotRows, visible: min(metricCount, max(1, rows / (plotRows + 1))), footer: footer)
    }
}

/// Panel 6: one braille plot per metric of the selected video, across the whole video,
/// with the selected frame as a reversed cursor column and anomalous samples in red. Each
/// title line has the metric's name, units, range and value at the selected frame.
enum MetricsPanel {
    static func draw(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let area = Screen.content(rect)
        let metrics = state.metrics
        let series = state.selectedVideo != nil && metrics.videoID == state.selectedVideo?.dataID ? metrics.series : nil
        let count = series?.metrics.count ?? 0
        let plan = MetricsLayout.plan(metricCount: count, height: area.height)
        var detail = ""
        if count > 0 {
            detail = plan.visible < count
                ? "\(metrics.scroll + 1)-\(min(count, metrics.scroll + plan.visible))/\(count)"
                : "\(count) metric\(count == 1 ? "" : "s")"
        }
        Screen.drawHeader(state, .metrics, rect, detail: detail, &buffer)
        guard state.selectedVideo != nil else {
            Screen.drawMessage([("no video selected", Theme.dim)], in: area, &buffer)
            return
        }
        guard Screen.drawLoadState(metrics.load, what: "metrics", in: area, &buffer) else { return }
        guard let series, count > 0 else {
            Screen.drawMessage([("no metrics yet", Theme.dim)], in: area, &buffer)
            return
        }
        let readings = state.selectedFrameReadings
        let position = state.selectedFramePosition
        for k in 0..<plan.visible {
            let index = metrics.scroll + k
            guard index < count else { break }
            let y = area.y + k * (plan.plotRows + 1)
            let block = Rect(x: area.x, y: y, width: area.width, height: plan.plotRows + 1).intersection(area)
            let match = metrics.alignment.flatMap { index < $0.metrics.count ? $0.metrics[index] : nil }
            drawMetric(series.metrics[index], match: match, framePosition: position,
                       reading: index < readings.count ? readings[index] : nil,
                       threshold: metrics.threshold, plotRows: plan.plotRows, in: block, &buffer)
        }
        if plan.footer {
            let line = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
            let (text, style) = footer(state)
            buffer.put(Sanitizer.fit(text, width: max(0, area.width - 1)), x: area.x + 1, y: line.y, style: style, clip: line)
        }
    }

    static func footer(_ state: AppState) -> (String, Style) {
        let metrics = state.metrics
        if let error = metrics.reloadError { return (error, Theme.error) }
        guard let alignment = metrics.alignment else {
            return (state.framesLoad.isLoading ? "waiting for the frames…" : "frames unknown: no cursor", Theme.dim)
        }
        let n = metrics.anomalousFrames.count
        let threshold = "p ≥ \(formatThreshold(metrics.threshold))"
        let anomalies = n == 0 ? "no anomalies at \(threshold)" : "⚠\(n) frame\(n == 1 ? "" : "s") at \(threshold)"
        return ("aligned by \(alignment.summary) · \(anomalies)", Theme.dim)
    }

    static func drawMetric(_ metric: Timeseries.Metric, match: FrameAlignment.MetricMatch?, framePosition: Int?,
                           reading: MetricReading?, threshold: Double, plotRows: Int, in block: Rect,
                           _ buffer: inout ScreenBuffer) {
        guard !block.isEmpty else { return }
        let values = metric.samples.map(\.value)
        let anomalous = metric.samples.map { Anomalies.isAnomalous($0, threshold: threshold) }
        var cursor: MetricPlot.Cursor?
        if let match, let position = framePosition, position < match.sampleForFrame.count {
            if let sample = match.sampleForFrame[position] {
                cursor = .sample(sample)
            } else if !match.sampleForFrame.isEmpty {
                cursor = .fraction((Double(position) + 0.5) / Double(match.sampleForFrame.count))
            }
        }
        let plotWidth = max(0, block.width - 2)
        let plot = MetricPlot(values: values, anomalous: anomalous, width: plotWidth, rows: plotRows, cursor: cursor)
        drawTitle(metric, range: plot.range, reading: reading, hasFrame: framePosition != nil && match != nil,
                  y: block.y, in: block, &buffer)
        for (r, row) in plot.cells.enumerated() {
            let y = block.y + 1 + r
            guard y < block.maxY else { break }
            for (c, cell) in row.enumerated() {
                var style = cell.anomalous ? Theme.anomaly : Theme.plot
                if cell.cursor { style.reverse = true }
                buffer.set(x: block.x + 1 + c, y: y, Cell(String(cell.character), style: style), clip: block)
            }
        }
    }

    /// `name (units)   min…max   ▸ value`; the range goes first when the line is short,
    /// then the value; the name is cut last.
    static func drawTitle(_ metric: Timeseries.Metric, range: ClosedRange<Double>?, reading: MetricReading?,
                          hasFrame: Bool, y: Int, in block: Rect, _ buffer: inout ScreenBuffer) {
        let line = Rect(x: block.x, y: y, width: block.width, height: 1)
        let width = max(0, block.width - 2)
        var name = Sanitizer.clean(metric.name)
        if let units = metric.units.map(Sanitizer.clean), !units.isEmpty { name += " (\(units))" }
        let rangeText = range.map { "\(formatValue($0.lowerBound))…\(formatValue($0.upperBound))" } ?? "no values"
        var valueText = ""
        var valueStyle = Style.plain
        if let reading {
            if let sample = reading.sample {
                valueText = "▸ " + (sample.value.map(formatValue) ?? "–")
                if reading.anomalous {
                    valueText = "⚠ " + (sample.value.map(formatValue) ?? "–")
                    valueStyle = Theme.anomaly
                }
            } else {
                valueText = "▸ no sample"
                valueStyle = Theme.dim
            }
        } else if hasFrame {
            valueText = "▸ no sample"
            valueStyle = Theme.dim
        }
        let nameRoom = { (right: Int) in width - right - (right > 0 ? 2 : 0) }
        let valueWidth = DisplayWidth.of(valueText)
        let rangeWidth = DisplayWidth.of(rangeText)
        let minName = min(8, DisplayWidth.of(name))
        var showRange = true, showValue = !valueText.isEmpty
        if nameRoom(rangeWidth + (showValue ? valueWidth + 2 : 0)) < minName { showRange = false }
        if showValue, nameRoom(valueWidth) < minName { showValue = false }
        let rightWidth = (showRange ? rangeWidth : 0) + (showValue ? valueWidth : 0) + (showRange && showValue ? 2 : 0)
        buffer.put(Sanitizer.fit(name, width: max(0, nameRoom(rightWidth))), x: line.x + 1, y: y,
                   style: Theme.metricName, clip: line)
        var x = line.x + 1 + width - rightWidth
        if showRange {
            x += buffer.put(rangeText, x: x, y: y, style: Theme.dim, clip: line)
            if showValue { x += 2 }
        }
        if showValue { buffer.put(valueText, x: x, y: y, style: valueStyle, clip: line) }
    }

    /// Four significant digits: enough to compare, short enough for the title line.
    static func formatValue(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "-∞") }
        let s = String(format: "%.4g", v)
        return s == "-0" ? "0" : s
    }
}

extension Theme {
    static let plot = Style(fg: .ansi(6))
    static let anomaly = Style(fg: .ansi(1), bold: true)
    static let metricName = Style(bold: true)
}
