/// How series and classes are told apart: a marker shape, an ASCII character and a colour
/// for each, the same in the terminal and in SVG, so a learner can match the two.
enum PlotStyle {
    /// Markers placed along a line (Unicode) and the characters an ASCII line is drawn with.
    static let markers: [Character] = ["●", "■", "▲", "◆", "○", "□", "△", "◇", "✚", "✖"]
    static let asciiMarks: [Character] = ["*", "o", "+", "x", "#", "@", "%", "=", "~", "&"]
    /// At most this many series get their own marker; more are drawn as a bundle of lines.
    static var distinctLimit: Int { markers.count }

    /// ANSI foreground codes, in the order of `svgColours`.
    static let ansiColours = ["34", "31", "32", "35", "33", "36", "94", "91", "92", "95"]
    /// A colour-blind-friendly palette (Tableau 10 order).
    static let svgColours = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
        "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"
    ]

    static func marker(_ index: Int, ascii: Bool) -> Character {
        ascii ? asciiMarks[index % asciiMarks.count] : markers[index % markers.count]
    }

    static func ansi(_ index: Int) -> String { ansiColours[index % ansiColours.count] }
    static func svg(_ index: Int) -> String { svgColours[index % svgColours.count] }

    // MARK: Classes in `plot boundary`

    /// Point markers by class: hollow for the first class, filled for the second, then shapes.
    static let classMarkers: [Character] = ["○", "●", "△", "▲", "□", "■", "◇", "◆"]
    static let asciiClassMarkers: [Character] = ["o", "x", "+", "#", "v", "^", "s", "@"]
    /// The shade of the region a class is predicted in (the first class stays blank).
    static let classShades: [Character] = [" ", "·", "░", "▒", "∙", "⁘", "▪", "▫"]
    static let asciiClassShades: [Character] = [" ", ".", ":", "-", "=", "~", "'", ","]
    /// Region fills in SVG: light tints of the class colours.
    static let svgClassColours = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"
    ]
    static let svgRegionColours = [
        "#dbe9f6", "#fde3c8", "#d5efd2", "#e6dcf0", "#eadcd7", "#f8dcee", "#d2f1f5", "#eeeecb"
    ]
    static let ansiClassColours = ["34", "33", "32", "35", "31", "36", "94", "93"]

    static func classMarker(_ index: Int, ascii: Bool) -> Character {
        ascii ? asciiClassMarkers[index % asciiClassMarkers.count] : classMarkers[index % classMarkers.count]
    }

    /// Shades for how sure one output is (bands of `BoundaryMap.scoreBands`): blank and
    /// light for the first class, darker for the second.
    static let scoreShades: [Character] = [" ", "·", "░", "▒"]
    static let asciiScoreShades: [Character] = [" ", ".", ":", "="]

    static func scoreShade(_ band: Int, ascii: Bool) -> Character {
        (ascii ? asciiScoreShades : scoreShades)[max(0, min(3, band))]
    }

    static func classShade(_ index: Int, ascii: Bool) -> Character {
        ascii ? asciiClassShades[index % asciiClassShades.count] : classShades[index % classShades.count]
    }
}

/// One entry of a legend: a sample of how the thing is drawn, and what it is.
struct LegendEntry {
    var sample: String
    var label: String
    /// An ANSI colour code for the sample, or nil.
    var colour: String?

    var plainWidth: Int { sample.displayWidth + 1 + label.displayWidth }
    var text: String { (colour.map { "\u{1B}[\($0)m\(sample)\u{1B}[0m" } ?? sample) + " " + label }
}

/// Packs legend entries into lines no wider than `width`, three spaces apart, each line indented.
func packLegend(_ entries: [LegendEntry], width: Int, indent: Int) -> [String] {
    var lines: [String] = []
    var line = "", used = 0
    for entry in entries {
        if used > 0, indent + used + 3 + entry.plainWidth > width {
            lines.append(String(repeating: " ", count: indent) + line)
            line = ""; used = 0
        }
        line += (used == 0 ? "" : "   ") + entry.text
        used += (used == 0 ? 0 : 3) + entry.plainWidth
    }
    if used > 0 { lines.append(String(repeating: " ", count: indent) + line) }
    return lines
}

/// `text` broken at spaces into lines of at most `width` columns, each after `indent` spaces
/// (a word longer than a line stays whole).
func wrapText(_ text: String, width: Int, indent: Int = 0) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
        if !line.isEmpty, indent + line.displayWidth + 1 + word.displayWidth > width {
            lines.append(pad + line); line = word
        } else {
            line += (line.isEmpty ? "" : " ") + word
        }
    }
    return lines + [pad + line]
}
