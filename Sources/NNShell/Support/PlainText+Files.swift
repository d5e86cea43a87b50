extension PlainText {
    /// `text` without terminal escape sequences (`ESC [ … m` colours and the like), for files
    /// written for people: reviews and SVG never carry what a colour terminal showed.
    static func withoutEscapes(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView(), escaping = false, first = true
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { escaping = true; first = true; continue }
            if escaping {
                // ESC [ parameters… final byte (0x40–0x7E); a lone ESC X drops X.
                if first { first = false; if scalar != "[" { escaping = false }; continue }
                if (0x40...0x7E).contains(scalar.value) { escaping = false }
                continue
            }
            out.append(scalar)
        }
        return String(out)
    }
}
