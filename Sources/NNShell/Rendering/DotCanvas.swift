/// A grid of terminal cells to draw lines, points and text on.
///
/// In Unicode each cell is a braille character holding 2×4 dots, so a line has four times
/// the vertical resolution of text; with `ascii` each cell is one dot drawn as a plain
/// character. Every cell has three layers, shown in this order of precedence: text (labels
/// and markers), then dots (or ASCII line characters), then a background shade. Each layer
/// remembers an owner (a series, a class, a sign) so that a renderer can colour it.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let ascii: Bool
    private var dots: [UInt8]
    private var glyphs: [Character?]
    private var texts: [Character?]
    private var shades: [Character?]
    private var dotOwners: [Int]
    private var textOwners: [Int]
    private var shadeOwners: [Int]

    init(columns: Int, rows: Int, ascii: Bool) {
        precondition(columns > 0 && rows > 0, "A canvas needs at least one cell.")
        self.columns = columns
        self.rows = rows
        self.ascii = ascii
        let count = columns * rows
        dots = [UInt8](repeating: 0, count: count)
        glyphs = [Character?](repeating: nil, count: count)
        texts = glyphs
        shades = glyphs
        dotOwners = [Int](repeating: -1, count: count)
        textOwners = dotOwners
        shadeOwners = dotOwners
    }

    /// Dots across: two per cell in braille, one in ASCII.
    var dotColumns: Int { columns * (ascii ? 1 : 2) }
    /// Dots down: four per cell in braille, one in ASCII.
    var dotRows: Int { rows * (ascii ? 1 : 4) }

    /// Bits of the braille pattern U+2800 + bits, by dot column (0–1) and dot row (0–3).
    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y); outside the canvas nothing happens. In ASCII the cell shows `glyph`.
    mutating func dot(_ x: Int, _ y: Int, owner: Int, glyph: Character = "*") {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        if ascii {
            glyphs[y * columns + x] = glyph
            dotOwners[y * columns + x] = owner
        } else {
            let cell = (y / 4) * columns + x / 2
            dots[cell] |= Self.brailleBits[x % 2][y % 4]
            dotOwners[cell] = owner
        }
    }

    /// A straight line of dots between two points in dot coordinates. `pattern(i)` decides
    /// whether the i-th dot along the line is drawn (dashes). In ASCII the glyph is `glyph`,
    /// or a slash, dash or bar that follows the line's direction when `glyph` is nil.
    mutating func line(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), owner: Int,
        glyph: Character? = nil, pattern: ((Int) -> Bool)? = nil
    ) {
        let dx = end.x - start.x, dy = end.y - start.y
        let steps = max(Int(max(abs(dx), abs(dy)).rounded(.up)), 1)
        let character = glyph ?? Self.slopeGlyph(dx: dx, dy: dy)
        for i in 0...steps where pattern?(i) ?? true {
            let t = Double(i) / Double(steps)
            dot(Int((start.x + t * dx).rounded()), Int((start.y + t * dy).rounded()), owner: owner, glyph: character)
        }
    }

    /// The ASCII character for a line going (dx, dy) in cells; a cell is about twice as tall as wide.
    static func slopeGlyph(dx: Double, dy: Double) -> Character {
        let across = abs(dx), down = abs(dy) * 2
        if down < across * 0.4 { return "-" }
        if across < down * 0.4 { return "|" }
        return (dx >= 0) == (dy >= 0) ? "\\" : "/"
    }

    /// Writes `text` from cell (column, row) rightwards, clipped at the edge.
    mutating func write(_ text: String, column: Int, row: Int, owner: Int = -1) {
        guard row >= 0, row < rows else { return }
        for (offset, character) in text.enumerated() where column + offset >= 0 && column + offset < columns {
            texts[row * columns + column + offset] = character
            textOwners[row * columns + column + offset] = owner
        }
    }

    /// Shades cell (column, row) with `character` beneath any dots or text.
    mutating func shade(column: Int, row: Int, with character: Character, owner: Int) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        shades[row * columns + column] = character
        shadeOwners[row * columns + column] = owner
    }

    /// True when no text covers cells `column..<column+width` of `row` (all inside the canvas).
    func isFree(column: Int, row: Int, width: Int) -> Bool {
        guard row >= 0, row < rows, column >= 0, column + width <= columns else { return false }
        return (column..<column + width).allSatisfy { texts[row * columns + $0] == nil }
    }

    /// The character shown in a cell and the owner of the layer that shows it (−1: none).
    func cell(column: Int, row: Int) -> (character: Character, owner: Int) {
        let index = row * columns + column
        if let text = texts[index] { return (text, textOwners[index]) }
        if ascii, let glyph = glyphs[index] { return (glyph, dotOwners[index]) }
        if !ascii, dots[index] != 0 {
            return (Character(Unicode.Scalar(0x2800 + UInt32(dots[index]))!), dotOwners[index])
        }
        if let shade = shades[index] { return (shade, shadeOwners[index]) }
        return (" ", -1)
    }

    /// One string per row. `colour(owner)` gives an ANSI SGR code (like "31") or nil for plain text.
    func renderRows(colour: (Int) -> String? = { _ in nil }) -> [String] {
        (0..<rows).map { row in
            var line = ""
            var current: String?
            for column in 0..<columns {
                let (character, owner) = cell(column: column, row: row)
                let code = character == " " ? nil : colour(owner)
                if code != current {
                    line += current == nil ? "" : "\u{1B}[0m"
                    if let code { line += "\u{1B}[\(code)m" }
                    current = code
                }
                line.append(character)
            }
            if current != nil { line += "\u{1B}[0m" }
            return line
        }
    }
}
