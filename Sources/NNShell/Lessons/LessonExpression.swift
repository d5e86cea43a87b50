/// An expression over live values, as written in a lesson: `next grad w2_11`,
/// `(y - yhat)^2`, `params(1)`. It is parsed once and evaluated against the session's
/// state whenever the lesson needs the number (see `LessonExpression+Evaluate.swift`).
///
/// Grammar, loosest first:
///
///     logic      := comparison {('and' | 'or') comparison}
///     comparison := sum [('<' | '<=' | '>' | '>=' | '==' | '!=') sum]
///     sum        := product {('+' | '-') product}
///     product    := unary {('*' | '/') unary}
///     unary      := '-' unary | 'next' unary | power
///     power      := atom ['^' unary]
///     atom       := NUMBER | '(' comparison ')' | NAME | FUNCTION '(' args ')'
///                 | ('grad' | 'before') PARAMETER
///
/// A comparison is 1 when true and 0 when false (choices use it); `and` and `or` join them
/// (a task's `goal: meanloss < 0.01 and epochs <= 30`).
indirect enum LessonExpression: Sendable, Equatable {
    case number(Double)
    /// A live name (`loss`, `w2_11`, `O1_1`, a kept name) and its column in the line.
    case name(String, column: Int)
    /// `grad NAME` or `before NAME`: a parameter's gradient in, or value before, the last update.
    case parameterOf(String, parameter: String, column: Int)
    case call(String, [LessonExpression], column: Int)
    case negate(LessonExpression)
    case binary(Character, LessonExpression, LessonExpression)
    case compare(String, LessonExpression, LessonExpression)
    /// The value after one more update, made on a copy of the session.
    case next(LessonExpression, column: Int)

    /// True when the value depends on the engine (any live name), not only on typed numbers.
    var isLive: Bool {
        switch self {
        case .number: return false
        case .name, .parameterOf, .next: return true
        case .call(let name, let args, _):
            return LessonNames.liveFunctions[name] != nil || args.contains(where: \.isLive)
        case .negate(let e): return e.isLive
        case .binary(_, let a, let b), .compare(_, let a, let b): return a.isLive || b.isLive
        }
    }
}

/// A mistake in an expression: what was wrong and the column (1-based, in the source line).
struct ExpressionError: Error, Equatable, Sendable {
    let message: String
    let column: Int
}

/// Parses the text of an expression. `column` is where the text starts in its line, so that
/// errors point into the lesson file.
struct ExpressionParser {
    private let characters: [Character]
    private let base: Int
    private var position = 0
    /// How deeply the parser has recursed: every recursion (a unary operator, parentheses,
    /// arguments) passes through `unary`, which counts it.
    private var depth = 0

    /// The deepest nesting and the longest text accepted; beyond them the recursion could
    /// run out of stack, and no lesson needs more.
    static let depthLimit = 100
    static let lengthLimit = 2000

    init(_ text: String, column: Int) {
        characters = Array(text)
        base = column
    }

    static func parse(_ text: String, column: Int = 1) throws(ExpressionError) -> LessonExpression {
        var parser = ExpressionParser(text, column: column)
        guard parser.characters.count <= lengthLimit else {
            throw ExpressionError(
                message:
                    "the expression is \(parser.characters.count) characters long; at most \(lengthLimit) are allowed",
                column: column)
        }
        parser.skipSpaces()
        guard parser.position < parser.characters.count else {
            throw ExpressionError(message: "expected an expression", column: column)
        }
        let expression = try parser.logic()
        parser.skipSpaces()
        if parser.position < parser.characters.count {
            throw parser.error("unexpected '\(parser.characters[parser.position])' after the expression")
        }
        return expression
    }

    private var column: Int { base + position }

    private func error(_ message: String) -> ExpressionError { ExpressionError(message: message, column: column) }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
    }

    /// Consumes `symbol` if it comes next.
    private mutating func take(_ symbol: String) -> Bool {
        skipSpaces()
        let end = position + symbol.count
        guard end <= characters.count, String(characters[position..<end]) == symbol else { return false }
        position = end
        return true
    }

    private mutating func logic() throws(ExpressionError) -> LessonExpression {
        var value = try comparison()
        while true {
            skipSpaces()
            let saved = position
            let joiner = word()
            guard joiner == "and" || joiner == "or" else { position = saved; return value }
            value = .compare(joiner, value, try comparison())
        }
    }

    private mutating func comparison() throws(ExpressionError) -> LessonExpression {
        let left = try sum()
        for op in ["<=", ">=", "==", "!=", "<", ">"] where take(op) {
            return .compare(op, left, try sum())
        }
        return left
    }

    private mutating func sum() throws(ExpressionError) -> LessonExpression {
        var value = try product()
        while true {
            if take("+") {
                value = .binary("+", value, try product())
            } else if take("-") {
                value = .binary("-", value, try product())
            } else {
                return value
            }
        }
    }

    private mutating func product() throws(ExpressionError) -> LessonExpression {
        var value = try unary()
        while true {
            if take("*") {
                value = .binary("*", value, try unary())
            } else if take("/") {
                value = .binary("/", value, try unary())
            } else {
                return value
            }
        }
    }

    /// Counts one level of nesting around `body`, refusing to go deeper than `depthLimit`.
    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionError) -> T)
        throws(ExpressionError) -> T
    {
        guard depth < Self.depthLimit else {
            throw error("the expression is nested more than \(Self.depthLimit) levels deep")
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func unary() throws(ExpressionError) -> LessonExpression {
        try nested { parser throws(ExpressionError) in try parser.unaryLevel() }
    }

    private mutating func unaryLevel() throws(ExpressionError) -> LessonExpression {
        if take("-") { return .negate(try unary()) }
        skipSpaces()
        let start = column, saved = position
        if word() == "next" { return .next(try unary(), column: start) }
        position = saved
        let base = try atom()
        if take("^") { return .binary("^", base, try unary()) }
        return base
    }

    private mutating func atom() throws(ExpressionError) -> LessonExpression {
        skipSpaces()
        guard position < characters.count else { throw error("expected a number, a name or '(' at the end") }
        let start = column
        let character = characters[position]
        if character == "(" {
            position += 1
            let inner = try logic()
            guard take(")") else { throw error("expected ')' to close the '(' at column \(start)") }
            return inner
        }
        if character.isNumber || character == "." { return .number(try number()) }
        let name = word()
        guard !name.isEmpty else { throw error("expected a number, a name or '(', found '\(character)'") }
        if name == "grad" || name == "before" {
            skipSpaces()
            let parameterColumn = column
            let parameter = word()
            guard !parameter.isEmpty else {
                throw error("'\(name)' needs a parameter name after it, like '\(name) w2_11'")
            }
            return .parameterOf(name, parameter: parameter, column: parameterColumn)
        }
        if take("(") {
            var arguments: [LessonExpression] = []
            if !take(")") {
                repeat { arguments.append(try logic()) } while take(",")
                guard take(")") else { throw error("expected ')' or ',' in the arguments of '\(name)'") }
            }
            return .call(name, arguments, column: start)
        }
        return .name(name, column: start)
    }

    /// A name: letters, digits and '_', starting with a letter.
    private mutating func word() -> String {
        guard position < characters.count, characters[position].isLetter, characters[position].isASCII else {
            return ""
        }
        let start = position
        while position < characters.count, characters[position].isASCII,
            characters[position].isLetter || characters[position].isNumber || characters[position] == "_"
        { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func number() throws(ExpressionError) -> Double {
        let start = position, startColumn = column
        while position < characters.count, characters[position].isNumber || characters[position] == "." {
            position += 1
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            let mark = position
            position += 1
            if position < characters.count, characters[position] == "-" || characters[position] == "+" { position += 1 }
            if position < characters.count, characters[position].isNumber {
                while position < characters.count, characters[position].isNumber { position += 1 }
            } else {
                position = mark
            }
        }
        let text = String(characters[start..<position])
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError(message: "'\(text)' is not a number", column: startColumn)
        }
        return value
    }
}
