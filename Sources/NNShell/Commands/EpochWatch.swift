import Glibc
import NNEngine

/// `epoch N --watch`: training as a live view, like TensorFlow Playground's, with every
/// number still from the engine.
///
/// The epochs run one pass at a time. About ten times a second (and after the last pass) a
/// frame is drawn: the epoch counter, η and the mean losses, the loss curves exactly as
/// `plot loss` draws them (training and test), and for two-input data the boundary as
/// `plot boundary` draws it. At a terminal each frame replaces the last; Space pauses and
/// resumes, `q` (or Ctrl-C) stops and keeps the updates made. Off a terminal (scripts,
/// pipes) nothing is drawn along the way and the command prints the last frame.
extension Command {
    static let watchFrameInterval = 0.1

    enum WatchKey { case pause, stop, none }

    static func runEpochWatch(_ count: Int, _ invocation: Invocation, _ state: inout SessionState) throws(ShellError)
        -> String
    {
        var training = try state.requireTraining()
        do { try training.validateData() } catch { throw TrainingRunner.message(for: error) }
        let context = invocation.context, clock = context.clock
        let start = clock()
        var lastFrame = -Double.infinity, done = 0, stoppedEarly = false
        var updates = 0
        var divergence: Divergence?
        var trainingSeconds = 0.0
        while done < count {
            let before = clock()
            let pass: RunReport
            do { pass = try training.run(.passes(1), explain: false) } catch {
                throw TrainingRunner.message(for: error)
            }
            trainingSeconds += clock() - before
            updates += pass.updates
            done += pass.epochCount
            if let diverged = pass.divergence { divergence = diverged; break }
            switch watchKey(context) {
            case .stop: stoppedEarly = true
            case .pause:
                context.frameSink?(frame(training, done: done, of: count, invocation, state, paused: true))
                if waitWhilePaused(context) == .stop { stoppedEarly = true }
            case .none: break
            }
            if stoppedEarly { break }
            if let sink = context.frameSink, clock() - lastFrame >= watchFrameInterval, done < count {
                sink(frame(training, done: done, of: count, invocation, state, paused: false))
                lastFrame = clock()
            }
        }
        training.explainLastUpdate()
        state.training = training
        state.lastRun = LastRun(command: invocation.line.trimmed, updates: updates, seconds: trainingSeconds)
        let last = frame(training, done: done, of: count, invocation, state, paused: false)
        var text = ""
        if let sink = context.frameSink { sink(last) } else { text = last }
        let rate = trainingSeconds > 0 ? Double(updates) / trainingSeconds : 0
        text +=
            "\(counted(done, "epoch")), \(counted(updates, "update")) in \(formatSeconds(trainingSeconds)) s of training "
            + "(\(formatRate(rate)) updates/s; \(formatSeconds(clock() - start)) s in all)\n"
        if stoppedEarly { text += "stopped after epoch \(done) of \(count); the updates made are kept\n" }
        if let divergence {
            text += TrainingRunner.divergenceMessage(
                divergence, notation: invocation.notationFor(state), format: state.format,
                data: training.data)
        }
        return text
    }

    /// One frame: a status line, the loss curves and (for two inputs) the boundary.
    static func frame(
        _ training: Training, done: Int, of count: Int, _ invocation: Invocation, _ state: SessionState,
        paused: Bool
    ) -> String {
        let context = invocation.context, notation = invocation.notationFor(state), format = state.format
        let width = max(context.width, 40)
        var status = "epoch \(done) of \(count) · \(notation.eta) = \(format(training.settings.learningRate))"
        if let loss = training.recorder.lastEpochLoss { status += " · mean loss \(format(loss))" }
        if let test = training.testLosses.buckets.last?.mean { status += " · test \(format(test))" }
        if context.frameSink != nil, done < count {
            status += paused ? " · paused: Space resumes, q stops" : " · Space pauses, q stops"
        }
        let panel = PlotData.lossPanel(
            current: PlotData.run(training, name: "this run", notation: notation), kept: [],
            axis: .epochs, logY: false)
        var text =
            status + "\n" + LinePlot.render(panel, width: width, height: 8, ascii: context.ascii, colour: context.color)
        if training.network.inputCount == 2, let map = try? BoundaryMap(training, notation: notation, format: format) {
            text += BoundaryPlot.render(map, width: width, ascii: context.ascii, colour: context.color)
        }
        return text
    }

    /// The key pressed since the last look, if any: Space pauses, `q` or Ctrl-C stops.
    static func watchKey(_ context: CommandContext) -> WatchKey {
        if context.interruptCheck?() == true { return .stop }
        while let key = context.keyPoll?() {
            switch key {
            case UInt8(ascii: " "): return .pause
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3: return .stop
            default: continue
            }
        }
        return .none
    }

    /// Waits, polling every 50 ms, until Space resumes (`.none`) or `q`/Ctrl-C stops.
    static func waitWhilePaused(_ context: CommandContext) -> WatchKey {
        while true {
            switch watchKey(context) {
            case .pause: return .none
            case .stop: return .stop
            case .none: usleep(50_000)
            }
        }
    }
}
