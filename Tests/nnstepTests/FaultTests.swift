import Foundation
import XCTest

/// The built `nnstep` against faults from outside: special files, a full standard output, a
/// signal during a write, two sessions at once. Each test makes its own folder and removes it.
final class FaultTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "nnstep-faults-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func testSpecialFilesAreRefusedAtOnce() throws {
        let binary = try builtBinary()
        XCTAssertEqual(mkfifo(folder + "/pipe", 0o644), 0)
        for arguments in [
            ["--script", "/dev/zero"], ["--check", "/dev/zero"], ["--script", folder + "/pipe"],
            ["--check", folder + "/pipe"]
        ] {
            let result = try run(binary, arguments)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.errors.hasPrefix("nnstep: cannot read '\(arguments[1])': it is a"), result.errors)
            XCTAssertTrue(result.errors.hasSuffix("expected a regular file\n"), result.errors)
        }
    }

    func testStandardInputThatIsNotAScript() throws {
        let binary = try builtBinary()
        let folder = try run("/bin/sh", ["-c", "exec \"$0\" < /", binary])
        XCTAssertEqual(folder.status, 1)
        XCTAssertEqual(folder.errors, "nnstep: cannot read standard input: it is a directory; expected a file\n")
        let zeros = try run("/bin/sh", ["-c", "exec \"$0\" < /dev/zero", binary])
        XCTAssertEqual(zeros.status, 1)
        XCTAssertEqual(
            zeros.errors, "nnstep: cannot read standard input: it is larger than 16 MB, the limit for a script\n")
    }

    /// `--ascii` at the binary: help, every help page, a lesson and errors, all ASCII bytes.
    func testASCIIOutputIsASCIIBytes() throws {
        let binary = try builtBinary()
        let commands = [
            "net", "set", "data", "step", "epoch", "show", "inspect", "plot", "export", "lessons", "load", "review",
            "help"
        ]
        let script =
            (["help"] + commands.map { "help \($0)" } + ["stеp", "data load \u{1B}[2J.csv", "lessons", "load 8"]
            + Array(repeating: "", count: 12)).joined(separator: "\n") + "\n"
        let lessons = packageRoot.appendingPathComponent("Lessons").path
        let result = try run(
            binary, ["--ascii", "--keep-going"], input: script, environment: ["NNSTEP_LESSONS": lessons])
        XCTAssertGreaterThan(result.output.utf8.count, 10_000)
        for (name, text) in [("output", result.output), ("errors", result.errors)] {
            let foreign = text.unicodeScalars.first { !$0.isASCII }
            XCTAssertNil(foreign, "\(name) has \(foreign.map { String($0) } ?? "")")
            XCTAssertFalse(text.utf8.contains(0x1B), "\(name) has a raw escape")
        }
        XCTAssertTrue(
            result.errors.contains("unknown command 'st\\u{435}p' (it contains U+0435 CYRILLIC SMALL LETTER IE)"),
            result.errors)
        let help = try run(binary, ["--help"])
        XCTAssertTrue(help.output.unicodeScalars.allSatisfy(\.isASCII), "nnstep --help")
    }

    /// `lessons` reads each lesson's title; a FIFO among them is skipped, not waited on.
    func testAFIFOInTheLessonFolderDoesNotHang() throws {
        let binary = try builtBinary()
        XCTAssertEqual(mkfifo(folder + "/99-trap.lesson", 0o644), 0)
        let result = try run(binary, [], input: "lessons\n", environment: ["NNSTEP_LESSONS": folder])
        XCTAssertEqual(result.status, 0, result.errors)
    }

    func testAFailedWriteToStandardOutputIsStatusOneWithAMessage() throws {
        let binary = try builtBinary()
        let script = folder + "/ok.nns"
        try "net 2-2-1\n".write(toFile: script, atomically: false, encoding: .utf8)
        let full = try run(binary, ["--script", script], output: FileHandle(forWritingAtPath: "/dev/full"))
        XCTAssertEqual(full.status, 1)
        XCTAssertEqual(full.errors, "nnstep: cannot write to standard output: the disk is full\n")
        let closed = try run("/bin/sh", ["-c", "exec \"$0\" --script \"$1\" >&-", binary, script])
        XCTAssertEqual(closed.status, 1)
        XCTAssertEqual(closed.errors, "nnstep: cannot write to standard output: Bad file descriptor\n")
    }

    /// SIGTERM, SIGINT or SIGHUP in the middle of a long export: the program ends, and the
    /// target is either the old file or the whole new one, with no temporary file beside it.
    func testASignalDuringAnExportLeavesNoTemporaryFile() throws {
        let binary = try builtBinary()
        let script = folder + "/export.nns"
        let commands = "net 2-700-700-1\n" + String(repeating: "export json big.json\n", count: 40)
        try commands.write(toFile: script, atomically: false, encoding: .utf8)
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            try "old".write(toFile: folder + "/big.json", atomically: false, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--script", script]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(400_000)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(signal)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            XCTAssertEqual(names.filter { $0.contains(".tmp") }, [], "signal \(signal)")
            let text = try String(contentsOfFile: folder + "/big.json", encoding: .utf8)
            XCTAssertTrue(text == "old" || text.hasSuffix("}\n"), "signal \(signal): the file is whole")
        }
    }

    /// Two shells at terminals with one history file, typing in turn: every line is kept.
    func testTwoSessionsKeepEachOthersHistory() throws {
        let binary = try builtBinary()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is needed for a pty")
        }
        let driver = """
            import os, pty, select, sys, time
            def start():
                pid, fd = pty.fork()
                if pid == 0:
                    os.execv(sys.argv[1], [sys.argv[1]])
                return pid, fd
            def wait_for(fd, text):
                seen, deadline = b"", time.time() + 10
                while text not in seen and time.time() < deadline:
                    if select.select([fd], [], [], 0.2)[0]:
                        seen += os.read(fd, 4096)
                if text not in seen: sys.exit("timed out waiting for %r" % text)
            a, b = start(), start()
            for _, fd in (a, b): wait_for(fd, b"nnstep> ")
            for i in range(3):
                for name, (_, fd) in (("a", a), ("b", b)):
                    os.write(fd, ("help %s%d\\r" % (name, i)).encode())
                    wait_for(fd, b"nnstep> ")
            for pid, fd in (a, b):
                os.write(fd, b"quit\\r")
                os.waitpid(pid, 0)
            """
        let state = folder + "/state"
        let result = try run(
            "/usr/bin/python3", ["-c", driver, binary],
            environment: ["XDG_STATE_HOME": state, "HOME": folder, "TERM": "dumb", "NO_COLOR": "1"])
        XCTAssertEqual(result.status, 0, result.errors)
        let history = try String(contentsOfFile: state + "/nnstep/history", encoding: .utf8)
        for i in 0..<3 {
            for name in ["a", "b"] {
                XCTAssertTrue(history.contains("help\\040\(name)\(i)"), "line 'help \(name)\(i)' is in:\n\(history)")
            }
        }
    }

    /// A full disk under the history file: the old file stays whole and one warning is printed
    /// (a 64 KB tmpfs, filled up; needs root to mount, skipped otherwise).
    func testAFullDiskKeepsTheHistoryFile() throws {
        let binary = try builtBinary()
        let state = folder + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        guard (try? run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", state]))?.status == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here")
        }
        defer { _ = try? run("/bin/umount", [state]) }
        try FileManager.default.createDirectory(atPath: state + "/nnstep", withIntermediateDirectories: true)
        let old = "_HiStOrY_V2_\nnet\\0402-2-1\nstep\n"
        try old.write(toFile: state + "/nnstep/history", atomically: false, encoding: .utf8)
        _ = try run("/bin/sh", ["-c", "cat /dev/zero > \"$0\"/filler", state])
        let driver = """
            import os, pty, select, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], [sys.argv[1]])
            seen, deadline = b"", time.time() + 10
            def wait_for(text):
                global seen
                while text not in seen and time.time() < deadline:
                    if select.select([fd], [], [], 0.2)[0]:
                        try: seen += os.read(fd, 4096)
                        except OSError: break
                if text not in seen: sys.exit("timed out waiting for %r in %r" % (text, seen))
            wait_for(b"nnstep> ")
            os.write(fd, b"help\\r")
            wait_for(b"cannot save history")
            os.write(fd, b"quit\\r")
            os.waitpid(pid, 0)
            """
        let result = try run(
            "/usr/bin/python3", ["-c", driver, binary],
            environment: ["XDG_STATE_HOME": state, "HOME": folder, "TERM": "dumb", "NO_COLOR": "1"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(
            try String(contentsOfFile: state + "/nnstep/history", encoding: .utf8), old, "the history is as it was")
        let names = try FileManager.default.contentsOfDirectory(atPath: state + "/nnstep")
        XCTAssertEqual(names.filter { $0.contains(".tmp") }, [])
    }

    // MARK: - Helpers

    private var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private func builtBinary() throws -> String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("nnstep")
        let debug = packageRoot.appendingPathComponent(".build/debug/nnstep")
        for candidate in [besideTests, debug] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        throw XCTSkip("no built nnstep; run 'swift build' first")
    }

    private struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `program` to the end (at most 20 s) and collects what it wrote.
    private func run(
        _ program: String, _ arguments: [String], input: String = "",
        environment: [String: String] = [:], output: FileHandle? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8"].merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = output ?? stdout
        process.standardError = stderr
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: killer)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let written = output == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return Result(
            status: process.terminationStatus, output: String(decoding: written, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}
