import Glibc

/// A small SVG writer: elements as escaped text, coordinates with two decimals.
///
/// The document is standalone SVG 1.1 with a white background, so a browser, an image
/// viewer or a converter shows it the same way.
struct SVGDocument {
    let width: Double
    let height: Double
    let title: String
    private var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    mutating func add(_ element: String) { elements.append(element) }

    /// Adds a group around the elements that `body` adds.
    mutating func group(_ attributes: [(String, String)], _ body: (inout SVGDocument) -> Void) {
        add("<g" + Self.attributes(attributes) + ">")
        body(&self)
        add("</g>")
    }

    /// The whole document as text.
    func render() -> String {
        let size =
            "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" \(size) font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">
            <title>\(Self.escape(title))</title>
            <rect x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#ffffff"/>

            """ + elements.joined(separator: "\n") + "\n</svg>\n"
    }

    /// `<name a="v" …/>`, or with `text` as its escaped content.
    static func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) -> String {
        guard let text else { return "<\(name)" + Self.attributes(attributes) + "/>" }
        return "<\(name)" + Self.attributes(attributes) + ">" + escape(text) + "</\(name)>"
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Text made safe for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in PlainText.withoutEscapes(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x09, ascii != 0x0A, ascii != 0x0D {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }

    /// A coordinate: two decimals at most, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = System.format("%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A number kept at full precision, for data attributes that tests read back.
    static func exact(_ value: Double) -> String { NumberFormat.full(value) }

    /// Roughly how wide `text` is at `size` pixels in a sans-serif font.
    static func textWidth(_ text: String, size: Double = 12) -> Double { Double(text.count) * size * 0.6 }
}

/// A rectangle in SVG pixels.
struct SVGRect {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
}

/// Axes in SVG: grid lines, tick marks and labels, axis names, and a frame.
enum SVGAxes {
    static func draw(
        _ document: inout SVGDocument, in rect: SVGRect, x xAxis: PlotAxis, y yAxis: PlotAxis,
        xLabel: String, yLabel: String
    ) {
        let n = SVGDocument.number
        document.group([("class", "grid"), ("stroke", "#e4e4e4"), ("stroke-width", "1")]) { doc in
            for tick in xAxis.ticks {
                if let f = xAxis.fraction(tick) {
                    let x = rect.x + f * rect.width
                    doc.add(
                        SVGDocument.element(
                            "line", [("x1", n(x)), ("y1", n(rect.y)), ("x2", n(x)), ("y2", n(rect.bottom))]))
                }
            }
            for tick in yAxis.ticks {
                if let f = yAxis.fraction(tick) {
                    let y = rect.bottom - f * rect.height
                    doc.add(
                        SVGDocument.element(
                            "line", [("x1", n(rect.x)), ("y1", n(y)), ("x2", n(rect.right)), ("y2", n(y))]))
                }
            }
        }
        document.group([("class", "x-axis"), ("data-scale", xAxis.scale.rawValue)]) { doc in
            doc.add(
                SVGDocument.element(
                    "line",
                    [
                        ("x1", n(rect.x)), ("y1", n(rect.bottom)), ("x2", n(rect.right)), ("y2", n(rect.bottom)),
                        ("stroke", "#333333")
                    ]))
            for tick in xAxis.ticks {
                if let f = xAxis.fraction(tick) {
                    let x = rect.x + f * rect.width
                    doc.add(
                        SVGDocument.element(
                            "line",
                            [
                                ("x1", n(x)), ("y1", n(rect.bottom)), ("x2", n(x)), ("y2", n(rect.bottom + 5)),
                                ("stroke", "#333333")
                            ]))
                    doc.add(
                        SVGDocument.element(
                            "text",
                            [
                                ("class", "tick"), ("data-value", SVGDocument.exact(tick)), ("x", n(x)),
                                ("y", n(rect.bottom + 18)),
                                ("text-anchor", "middle"), ("fill", "#333333")
                            ], text: xAxis.label(tick)))
                }
            }
            doc.add(
                SVGDocument.element(
                    "text",
                    [
                        ("class", "axis-label"), ("x", n(rect.x + rect.width / 2)), ("y", n(rect.bottom + 38)),
                        ("text-anchor", "middle"), ("fill", "#111111")
                    ], text: xLabel))
        }
        document.group([("class", "y-axis"), ("data-scale", yAxis.scale.rawValue)]) { doc in
            doc.add(
                SVGDocument.element(
                    "line",
                    [
                        ("x1", n(rect.x)), ("y1", n(rect.y)), ("x2", n(rect.x)), ("y2", n(rect.bottom)),
                        ("stroke", "#333333")
                    ]))
            var widest = 0.0
            for tick in yAxis.ticks {
                if let f = yAxis.fraction(tick) {
                    let y = rect.bottom - f * rect.height
                    let label = yAxis.label(tick)
                    widest = max(widest, SVGDocument.textWidth(label))
                    doc.add(
                        SVGDocument.element(
                            "line",
                            [
                                ("x1", n(rect.x - 5)), ("y1", n(y)), ("x2", n(rect.x)), ("y2", n(y)),
                                ("stroke", "#333333")
                            ]))
                    doc.add(
                        SVGDocument.element(
                            "text",
                            [
                                ("class", "tick"), ("data-value", SVGDocument.exact(tick)), ("x", n(rect.x - 8)),
                                ("y", n(y + 4)),
                                ("text-anchor", "end"), ("fill", "#333333")
                            ], text: label))
                }
            }
            let labelX = rect.x - 16 - widest
            let name = yLabel + (yAxis.scale == .log ? " (log scale)" : "")
            doc.add(
                SVGDocument.element(
                    "text",
                    [
                        ("class", "axis-label"), ("x", n(labelX)), ("y", n(rect.y + rect.height / 2)),
                        ("text-anchor", "middle"),
                        ("transform", "rotate(-90 \(n(labelX)) \(n(rect.y + rect.height / 2)))"), ("fill", "#111111")
                    ], text: name))
        }
    }

    /// The room the y tick labels and the rotated axis name need left of the plot.
    static func leftMargin(_ yAxis: PlotAxis) -> Double {
        (yAxis.ticks.map { SVGDocument.textWidth(yAxis.label($0)) }.max() ?? 10) + 40
    }
}
