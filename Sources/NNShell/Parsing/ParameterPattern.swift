import NNEngine

/// Parameter names with `*` wildcards, as `set freeze` takes them: `b*` (every bias),
/// `w2_*` (every weight into layer 2), `w1_11` (one weight).
enum ParameterPattern {
    /// The storage indices every pattern names, ascending and distinct. A pattern that names
    /// no parameter of the network is an error, so a typo never freezes nothing silently.
    static func indices(_ tokens: [Token], in network: Network) throws(ShellError) -> [Int] {
        var chosen = Set<Int>()
        for token in tokens {
            let pattern = token.text.lowercased()
            guard pattern.contains("*") else {
                chosen.insert(network.index(of: try Arguments.parameter(token, in: network))!)
                continue
            }
            guard pattern.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "*") }) else {
                throw ShellError.at(
                    token, "'\(token.text)' is not a parameter pattern; expected names like w2_11, b* or w2_*")
            }
            let found = (0..<network.parameterCount).filter { index in
                names(network.parameter(at: index)).contains { matches(pattern, $0) }
            }
            guard !found.isEmpty else {
                throw ShellError.at(
                    token,
                    "'\(token.text)' matches no parameter of this \(network.sizes.map(String.init).joined(separator: "-")) network"
                )
            }
            chosen.formUnion(found)
        }
        return chosen.sorted()
    }

    /// The compact and the separated ASCII names (`w2_11` and `w2_1_1`).
    static func names(_ parameter: Parameter) -> [String] {
        switch parameter {
        case .weight(let k, let i, let j): return [parameter.asciiName, "w\(k)_\(i)_\(j)"]
        case .bias: return [parameter.asciiName]
        }
    }

    /// Glob matching where `*` stands for any run of characters (both lower-case ASCII).
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.utf8), s = Array(name.utf8)
        var i = 0, j = 0, star = -1, mark = 0
        while j < s.count {
            if i < p.count, p[i] != UInt8(ascii: "*"), p[i] == s[j] {
                i += 1; j += 1
            } else if i < p.count, p[i] == UInt8(ascii: "*") {
                star = i; mark = j; i += 1
            } else if star >= 0 {
                i = star + 1; mark += 1; j = mark
            } else {
                return false
            }
        }
        while i < p.count, p[i] == UInt8(ascii: "*") { i += 1 }
        return i == p.count
    }
}
