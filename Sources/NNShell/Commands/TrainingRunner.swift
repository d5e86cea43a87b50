import Glibc
import NNEngine

/// Running the engine's training loop from a command: timing, Ctrl-C, progress and the
/// messages for errors and divergence.
enum TrainingRunner {
    struct Result {
        var report: RunReport
        var seconds: Double
    }

    static func run(
        _ length: RunLength, total: Int?, _ training: inout Training, context: CommandContext,
        clock: @escaping () -> Double
    ) throws(ShellError) -> Result {
        let start = clock()
        var lastDraw = start
        let observer: (RunProgress) -> Bool = { progress in
            if context.interruptCheck?() == true { return false }
            let now = clock()
            if let sink = context.progressSink, now - start > 0.5, now - lastDraw > 0.1 {
                lastDraw = now
                sink(
                    ProgressBar.render(
                        done: progress.passesDone, updates: progress.updates, total: total,
                        loss: progress.lastLoss, width: context.width))
            }
            return true
        }
        let report: RunReport
        do {
            report = try training.run(
                length, observeEvery: 256, explain: false,
                observer: context.interruptCheck == nil && context.progressSink == nil ? nil : observer)
        } catch {
            throw message(for: error)
        }
        let seconds = clock() - start
        training.explainLastUpdate()
        if context.progressSink != nil, seconds > 0.5 { context.progressSink?(ProgressBar.clear(width: context.width)) }
        return Result(report: report, seconds: seconds)
    }

    /// Runs a `step` or `epoch` command: trains `training`, then stores it in the state with
    /// the command's `last_run` record.
    static func runCommand(
        _ length: RunLength, total: Int?, _ training: inout Training, _ invocation: Invocation,
        _ state: inout SessionState
    ) throws(ShellError) -> Result {
        let result = try run(
            length, total: total, &training, context: invocation.context, clock: invocation.context.clock)
        state.training = training
        state.lastRun = LastRun(
            command: invocation.line.trimmed, updates: result.report.updates, seconds: result.seconds)
        return result
    }

    static func message(for error: TrainingError) -> ShellError {
        switch error {
        case .noData:
            return .state(
                "there is no data to learn from; choose some with 'data students' or add rows with 'data add'")
        case .shapeMismatch(let inputs, let outputs, let features, let targets):
            return .state(
                "the data has \(counted(features, "input")) -> \(counted(targets, "target")) but the network takes \(inputs) -> \(outputs); build a network that fits, like 'net \(features)-2-\(targets)'"
            )
        }
    }

    /// The sentence for a run that diverged, with what to try next.
    static func divergenceMessage(
        _ divergence: Divergence, notation: Notation, format: NumberFormat, data: DataSet? = nil
    ) -> String {
        let what: String
        switch divergence.cause {
        case .loss: what = "the loss became \(format(divergence.loss))"
        case .parameters(let p):
            what = "\(notation.parameter(p)) would have become infinite (the loss was \(format(divergence.loss)))"
        }
        let advice =
            data.map(isStandardized) == true
            ? "The inputs are already scaled, so try a smaller learning rate ('set lr 0.001')."
            : "Try a smaller learning rate ('set lr 0.001') or scaled inputs ('data normalize')."
        let text =
            "diverged at update \(divergence.update): \(what), so training stopped before that update. "
            + "The parameters are the last finite ones, after update \(divergence.update - 1); 'undo' and 'inspect' still work. "
        return Reflow.fill(text + advice, width: 80).joined(separator: "\n") + "\n"
    }

    /// True when every feature already has mean 0 and standard deviation 1 (or is constant).
    static func isStandardized(_ data: DataSet) -> Bool {
        guard !data.isEmpty else { return false }
        let (_, means, stds) = data.standardized()
        return means.allSatisfy { abs($0) < 1e-9 } && stds.allSatisfy { abs($0 - 1) < 1e-9 }
    }

    /// Monotonic seconds.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }
}
