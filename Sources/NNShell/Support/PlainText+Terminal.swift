extension PlainText {
    /// Text about to reach the terminal: control characters other than newline, tab and carriage
    /// return are escaped (`\u{1B}`, `\u{0}`), so nothing read from a file can move the cursor,
    /// retitle the window or cut a line short. With `colour`, nnstep's own colour sequences
    /// (`ESC [ … m`) pass. With `ascii`, every character becomes ASCII (`ascii(_:)`).
    public static func forTerminal(_ text: String, colour: Bool, ascii: Bool) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", colour, let end = colourSequenceEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if isControl(scalar) && scalar != "\n" && scalar != "\t" && scalar != "\r" || isBidirectional(scalar) {
                result.append(contentsOf: escaped(scalar).unicodeScalars)
            } else if ascii && !scalar.isASCII {
                result.append(contentsOf: PlainText.ascii(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// Every character of `text` as ASCII: η → eta, ∂ → d, · → *, → → ->, w²₁₁ → w211, ─ → -.
    public static func ascii(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { result += scalar.isASCII ? String(scalar) : ascii(scalar) }
        return result
    }

    /// One character in ASCII: the table, then a Braille plot cell by its dots, then the letter
    /// without its accent, else `\u{…}`.
    static func ascii(_ scalar: Unicode.Scalar) -> String {
        if let plain = asciiTable[scalar] { return plain }
        if (0x2800...0x28FF).contains(scalar.value) {
            let dots = (scalar.value - 0x2800).nonzeroBitCount
            return dots == 0 ? " " : dots < 3 ? "." : dots < 5 ? ":" : "#"
        }
        if (0x2500...0x257F).contains(scalar.value) { return boxDrawing(scalar) }
        return letterByName(scalar) ?? escaped(scalar)
    }

    /// A Latin letter without its accent (é → e) and a Greek letter by its name (ω → omega),
    /// read from the character's Unicode name.
    private static func letterByName(_ scalar: Unicode.Scalar) -> String? {
        let words = (scalar.properties.name ?? "").split(separator: " ")
        guard words.count >= 4, words[2] == "LETTER", words[1] == "SMALL" || words[1] == "CAPITAL" else { return nil }
        let letter = words[3]
        if words[0] == "LATIN", letter.count == 1 { return words[1] == "SMALL" ? letter.lowercased() : String(letter) }
        if words[0] == "GREEK" {
            return words[1] == "SMALL" ? letter.lowercased() : letter.prefix(1) + letter.dropFirst().lowercased()
        }
        return nil
    }

    /// Box drawing: horizontal lines '-', vertical '|', corners and joints '+'.
    private static func boxDrawing(_ scalar: Unicode.Scalar) -> String {
        let name = scalar.properties.name ?? ""
        if name.contains("HORIZONTAL") && !name.contains("VERTICAL") && !name.contains("DOWN") && !name.contains("UP") {
            return "-"
        }
        if name.contains("VERTICAL") && !name.contains("HORIZONTAL") && !name.contains("LEFT")
            && !name.contains("RIGHT")
        {
            return "|"
        }
        return "+"
    }

    static let asciiTable: [Unicode.Scalar: String] = [
        "η": "eta", "δ": "delta", "Δ": "Delta", "σ": "sigma", "Σ": "sum", "π": "pi", "Π": "prod", "μ": "mu",
        "α": "alpha", "β": "beta", "γ": "gamma", "ε": "eps", "λ": "lambda", "θ": "theta", "ŷ": "yhat",
        "∂": "d", "·": "*", "×": "x", "∙": "*", "−": "-", "–": "-", "—": "-", "′": "'", "″": "''",
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "⇒": "=>", "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~=",
        "±": "+/-", "√": "sqrt", "∞": "inf", "∈": "in", "‖": "||", "…": "...", "⟨": "<", "⟩": ">",
        "½": "1/2", "¼": "1/4", "\u{302}": "hat", "ᵗ": "^t", "°": "deg", "✓": "ok", "✗": "x", "✔": "ok", "✘": "x",
        "✚": "+", "✖": "x",
        "●": "o", "○": ".", "◉": "@", "■": "#", "□": "-", "▲": "^", "△": "^", "◆": "*", "◇": "*",
        "▪": "#", "▫": ".", "░": ".", "▒": ":", "▓": "#", "█": "#", "⁘": ":",
        "⎡": "[", "⎢": "[", "⎣": "[", "⎤": "]", "⎥": "]", "⎦": "]",
        "ᵀ": "^T", "ᵏ": "k", "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₘ": "m", "ₙ": "n", "ⁿ": "n", "⁻": "-", "⁺": "+",
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "«": "<<", "»": ">>", "\u{A0}": " ", "\u{FFFD}": "?"
    ]

    /// Bidirectional overrides and isolates, which reorder what follows them on the line.
    static func isBidirectional(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The index of the `m` ending an SGR sequence `ESC [ digits ; … m` starting at `start`.
    private static func colourSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 20 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }
}
