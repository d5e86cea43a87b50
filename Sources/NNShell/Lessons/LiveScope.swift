import Glibc
import NNEngine

/// What a lesson expression is evaluated against: the session as it is at that moment and
/// the values the lesson kept with `@keep`. Every number comes from the engine's state.
struct LiveScope {
    var state: SessionState
    var kept: [String: Double]
    /// Polled while `ahead` and `diverges` train a copy: true once Ctrl-C was pressed.
    var interrupt: (() -> Bool)? = nil

    /// The most work one look ahead may ask for: rows seen times parameters (about a second).
    static let workLimit = 1_000_000_000.0

    func evaluate(_ expression: LessonExpression) throws(ExpressionError) -> Double {
        switch expression {
        case .number(let value):
            return value
        case .name(let name, let column):
            return try value(of: name, column)
        case .parameterOf(let word, let name, let column):
            let (training, index) = try parameter(name, column)
            guard let record = training.lastStep else {
                throw ExpressionError(
                    message:
                        "no update yet, so '\(word) \(name)' has no value; make one with 'step' first, or use 'next \(word == "grad" ? "grad " : "")\(name)'",
                    column: column)
            }
            return word == "grad" ? record.gradient[index] : record.parametersBefore[index]
        case .call("ahead", let arguments, let column) where arguments.count == 2:
            return try ahead(arguments[0], arguments[1], column)
        case .call(let name, let arguments, let column):
            var values: [Double] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            if let pure = LiveScope.pure(name, values) { return pure }
            return try call(name, values, column)
        case .negate(let inner):
            return -(try evaluate(inner))
        case .binary(let op, let a, let b):
            let x = try evaluate(a), y = try evaluate(b)
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            case "/": return x / y
            default: return pow(x, y)
            }
        case .compare(let op, let a, let b):
            let x = try evaluate(a), y = try evaluate(b)
            let truth: Bool
            switch op {
            case "<": truth = x < y
            case "<=": truth = x <= y
            case ">": truth = x > y
            case ">=": truth = x >= y
            case "==": truth = x == y
            case "and": truth = x != 0 && y != 0
            case "or": truth = x != 0 || y != 0
            default: truth = x != y
            }
            return truth ? 1 : 0
        case .next(let inner, let column):
            var training = try requireTraining(column)
            let report: RunReport
            do { report = try training.run(.updates(1)) } catch {
                throw ExpressionError(
                    message: "cannot look one update ahead: \(TrainingRunner.message(for: error).message)",
                    column: column)
            }
            if report.divergence != nil {
                throw ExpressionError(message: "the next update would diverge, so 'next' has no value", column: column)
            }
            var ahead = self
            ahead.state.training = training
            return try ahead.evaluate(inner)
        }
    }

    /// `ahead(N, EXPR)`: EXPR after N more epochs (passes), run on a copy of the session, so
    /// a question can ask for a prediction before the lesson's `epoch N` shows the result.
    func ahead(_ count: LessonExpression, _ inner: LessonExpression, _ column: Int) throws(ExpressionError) -> Double {
        let passes = try whole(try evaluate(count), 1...100_000, "the number of epochs", column)
        var training = try requireTraining(column)
        let report = try lookAhead(&training, passes: passes, column)
        if let divergence = report.divergence {
            throw ExpressionError(
                message:
                    "training diverges at update \(divergence.update) within those \(passes) epochs, so 'ahead' has no value; 'diverges(\(passes))' tells when",
                column: column)
        }
        var later = self
        later.state.training = training
        return try later.evaluate(inner)
    }

    /// `diverges(N)`: the number of the update at which N more epochs would diverge (the loss or
    /// a parameter stops being finite), or 0 when they run to the end.
    func diverges(_ passes: Int, _ column: Int) throws(ExpressionError) -> Double {
        var training = try requireTraining(column)
        return Double(try lookAhead(&training, passes: passes, column).divergence?.update ?? 0)
    }

    /// Trains `training` (a copy) `passes` epochs on, refusing work beyond `workLimit` and
    /// stopping at Ctrl-C, each with a message.
    func lookAhead(_ training: inout Training, passes: Int, _ column: Int) throws(ExpressionError) -> RunReport {
        let rows = training.data.count, parameters = training.network.parameterCount
        let work = Double(passes) * Double(rows) * Double(parameters)
        guard work <= Self.workLimit else {
            throw ExpressionError(
                message:
                    "looking \(passes) epochs ahead over \(counted(rows, "row")) with \(counted(parameters, "parameter")) is about \(System.format("%.1e", work)) operations; a lesson value may ask for at most \(System.format("%.0e", Self.workLimit)), so ask for fewer epochs",
                column: column)
        }
        let report: RunReport
        do {
            report = try training.run(.passes(passes), observer: interrupt.map { check in { _ in !check() } })
        } catch {
            throw ExpressionError(
                message: "cannot look \(passes) epochs ahead: \(TrainingRunner.message(for: error).message)",
                column: column)
        }
        if report.interrupted {
            throw ExpressionError(
                message: "interrupted (Ctrl-C) while looking \(passes) epochs ahead; the value is not known",
                column: column)
        }
        return report
    }

    /// Plain arithmetic functions, or nil when `name` is not one.
    static func pure(_ name: String, _ v: [Double]) -> Double? {
        switch (name, v.count) {
        case ("abs", 1): return abs(v[0])
        case ("sqrt", 1): return v[0].squareRoot()
        case ("exp", 1): return exp(v[0])
        case ("ln", 1): return log(v[0])
        case ("sigmoid", 1): return 1 / (1 + exp(-v[0]))
        case ("tanh", 1): return tanh(v[0])
        case ("sign", 1): return v[0] > 0 ? 1 : (v[0] < 0 ? -1 : 0)
        case ("round", 1): return v[0].rounded()
        case ("ceil", 1): return v[0].rounded(.up)
        case ("floor", 1): return v[0].rounded(.down)
        case ("round", 2): let scale = pow(10, v[1].rounded()); return (v[0] * scale).rounded() / scale
        case ("max", _) where v.count >= 2: return v.max()
        case ("min", _) where v.count >= 2: return v.min()
        default: return nil
        }
    }

    func requireTraining(_ column: Int) throws(ExpressionError) -> Training {
        guard let training = state.training else {
            throw ExpressionError(
                message: "no network yet; the lesson's setup or a 'net' command must build one first", column: column)
        }
        return training
    }

    func lastStep(_ name: String, _ column: Int) throws(ExpressionError) -> StepRecord {
        guard let record = try requireTraining(column).lastStep else {
            throw ExpressionError(
                message: "no update yet, so '\(name)' has no value; run 'step' first, or use 'next \(name)'",
                column: column)
        }
        return record
    }

    func parameter(_ name: String, _ column: Int) throws(ExpressionError) -> (Training, Int) {
        let training = try requireTraining(column)
        guard let parameter = Parameter(name: name), let index = training.network.index(of: parameter) else {
            throw ExpressionError(
                message:
                    "this \(training.network.sizes.map(String.init).joined(separator: "-")) network has no parameter '\(name)'",
                column: column)
        }
        return (training, index)
    }

    /// An index that must be a whole number in `range`.
    func whole(_ value: Double, _ range: ClosedRange<Int>, _ what: String, _ column: Int) throws(ExpressionError) -> Int
    {
        guard value == value.rounded(), let n = Int(exactly: value), range.contains(n) else {
            throw ExpressionError(
                message:
                    "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(NumberFormat.full(value))",
                column: column)
        }
        return n
    }
}
