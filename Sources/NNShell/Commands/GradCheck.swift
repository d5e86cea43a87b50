import NNEngine

extension Command {
    static let gradcheck = Command(
        name: "gradcheck",
        usage: "gradcheck [NAME]",
        summary: "compare backprop's gradients with central differences",
        details: """
            For each parameter (or only NAME), nudges it by ±h with h = 1e-6·max(1, |p|) and
            computes (L(p+h) - L(p-h)) / 2h at the parameters and rows of the last update, then
            prints it beside backprop's gradient and their relative difference. Differences
            around 1e-7 or smaller mean backprop is right.
            """,
        examples: ["gradcheck", "gradcheck w1_21"],
        complete: { previous, partial, state in
            previous.isEmpty ? (state.training.map { parameterNames($0.network, prefix: partial) } ?? []) : []
        },
        run: runGradCheck
    )

    static let checkLimit = 60

    @Sendable static func runGradCheck(_ invocation: Invocation, _ state: inout SessionState) throws(ShellError)
        -> String
    {
        try invocation.expectAtMost(1)
        let training = try state.requireTraining()
        guard let record = training.lastStep else {
            throw ShellError.state("no gradients yet: make an update first with 'step'")
        }
        if training.network.isPerceptron {
            throw ShellError.state(
                "a perceptron learns by the trick, not by a derivative (step′ = 0 everywhere), so there is no gradient to check"
            )
        }
        let network = withParameters(training.network, record.parametersBefore)
        var note = ""
        var parameters =
            try invocation.arguments.first.map { token throws(ShellError) in
                [try Arguments.parameter(token, in: network)]
            }
            ?? GradientText.courseOrder(network)
        if parameters.count > checkLimit {
            // Each check is two forward passes; a large network gets an even sample.
            parameters = (0..<checkLimit).map { parameters[$0 * parameters.count / checkLimit] }
            note =
                "(checked \(checkLimit) of the \(network.parameterCount) parameters, evenly spread; 'gradcheck NAME' checks any one)\n"
        }
        let notation = invocation.notationFor(state)
        let format = state.format
        var table = TextTable(header: ["param", "backprop", "central difference", "relative difference"])
        var worst = 0.0
        for parameter in parameters {
            let check = network.gradientCheck(
                parameter, analytic: record.gradient[network.index(of: parameter)!], data: training.data,
                rows: record.rows, l2: record.settings.l2, l1: record.settings.l1)
            worst = max(worst, check.relativeDifference)
            table.rows.append([
                notation.parameter(parameter), format(check.analytic),
                NumberFormat(digits: max(format.digits, 6))(check.numeric),
                System.format("%.1e", check.relativeDifference)
            ])
        }
        let verdict =
            worst < 1e-5
            ? "they agree: backprop's gradients are right"
            : "some differ by more than 1e-5; look at those rows (a kink such as relu at 0 can do this)"
        let penalty = record.penaltyGradient.isEmpty ? "" : " (of the data loss plus the penalty, as the update used)"
        return "gradients of update \(record.update) checked by central differences\(penalty):\n" + table.render()
            + note + verdict + "\n"
    }
}
