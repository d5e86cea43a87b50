import Glibc
import NNShell

/// What runs before the first prompt or the script: the startup file and `--command`s,
/// and the script itself. Each runs as `--script` runs a file: echoed, then its output.
struct Startup {
    let session: Session
    let keepGoing: Bool

    /// `$XDG_CONFIG_HOME/nnstep/init.nn`, or `$HOME/.config/nnstep/init.nn`.
    static func defaultInitPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/nnstep/init.nn"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.config/nnstep/init.nn"
        }
        return nil
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// An explicit `--init FILE` (if any), then each `--command` in order. 0, or 1 after
    /// the first failure (the rest still runs with `keepGoing`).
    func run(initFile: String?, commands: [String]) -> Int32 {
        var status: Int32 = 0
        if let initFile {
            status = runFile(initFile)
            guard status == 0 || keepGoing else { return status }
        }
        for command in commands {
            status = max(status, runText(command, name: "--command"))
            guard status == 0 || keepGoing else { return status }
        }
        return status
    }

    /// Runs the file at `path` (`-` is standard input); 1 when it cannot be read or a command fails.
    func runFile(_ path: String) -> Int32 {
        do throws(CannotRead) {
            return runText(try TextFile.read(path), name: path == "-" ? "<stdin>" : path, typed: path == "-")
        } catch {
            Terminal.report(error.message)
            return 1
        }
    }

    private func runText(_ text: String, name: String, typed: Bool = false) -> Int32 {
        ScriptRunner.run(
            source: text, fileName: name, session: session, keepGoing: keepGoing, typed: typed,
            output: Terminal.write, errorOutput: Terminal.writeError)
    }
}
