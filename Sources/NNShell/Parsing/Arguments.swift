import NNEngine

/// Reading typed values out of tokens, with errors that say what was expected.
enum Arguments {
    /// A finite decimal number: `0.1`, `-2`, `1e-3`. Rejects `nan`, `inf`, `1e999` and hex.
    static func number(_ token: Token, _ what: String) throws(ShellError) -> Double {
        let text = token.text
        let allowed = Set("0123456789+-.eE")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), let value = Double(text) else {
            throw ShellError.at(token, "expected a number for \(what), found '\(text)'")
        }
        guard value.isFinite else {
            throw ShellError.at(token, "'\(text)' is too large; expected a finite number for \(what)")
        }
        return value == 0 ? 0 : value
    }

    /// A whole number in `range`.
    static func integer(_ token: Token, _ what: String, in range: ClosedRange<Int>) throws(ShellError) -> Int {
        guard token.text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }),
            let value = Int(token.text)
        else {
            throw ShellError.at(token, "expected a whole number for \(what), found '\(token.text)'")
        }
        guard range.contains(value) else {
            throw ShellError.at(
                token, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    /// `key=value` options. Unknown keys get a suggestion; repeated keys are an error.
    static func options(_ tokens: [Token], allowed: [String], command: String) throws(ShellError) -> [String: Token] {
        var result: [String: Token] = [:]
        for token in tokens {
            let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw ShellError.at(
                    token,
                    "expected an option like \(allowed.map { "\($0)=…" }.joined(separator: ", ")) after '\(command)', found '\(token.text)'"
                )
            }
            let key = String(parts[0]).lowercased()
            guard allowed.contains(key) else {
                let hint = didYouMean(
                    key, among: allowed, form: { "\($0)=" }, otherwise: expected(oneOf: allowed.map { "\($0)=" }))
                throw ShellError.at(token, "unknown option '\(key)='" + hint)
            }
            guard result[key] == nil else { throw ShellError.at(token, "option '\(key)=' is given twice") }
            guard !parts[1].isEmpty else { throw ShellError.at(token, "option '\(key)=' needs a value") }
            result[key] = Token(String(parts[1]), column: token.column + key.count + 1)
        }
        return result
    }

    /// A parameter of the current network by its ASCII name, with a suggestion when it is not one.
    static func parameter(_ token: Token, in network: Network) throws(ShellError) -> Parameter {
        guard let parameter = Parameter(name: token.text) else {
            throw ShellError.at(token, "'\(token.text)' is not a parameter name; expected one like w2_11 or b1_2")
        }
        guard network.index(of: parameter) != nil else {
            let first = network.parameter(at: 0).asciiName,
                last = network.parameter(at: network.parameterCount - 1).asciiName
            // A suggestion compares with every name: past this many it would take seconds.
            let near =
                network.parameterCount > 10_000
                ? ""
                : didYouMean(token.text, among: network.allParameters.map(\.asciiName))
            throw ShellError.at(
                token,
                "this \(network.sizes.map(String.init).joined(separator: "-")) network has no parameter '\(token.text)'; it has \(first) … \(last)\(near)"
            )
        }
        return parameter
    }

    /// Fails when there are more arguments than `count`.
    static func expectAtMost(_ count: Int, _ tokens: [Token], usage: String) throws(ShellError) {
        if tokens.count > count {
            throw ShellError.at(tokens[count], "unexpected '\(tokens[count].text)'; usage: \(usage)")
        }
    }
}
