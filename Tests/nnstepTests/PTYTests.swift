import Foundation
import XCTest

/// Tests of the built `nnstep` binary: under a pseudo-terminal (driven by `pty_drive.py`)
/// and with piped input.
///
/// The binary is the one `swift build` put next to this test bundle, or else
/// `.build/debug/nnstep` under the package root; the tests are skipped when it is missing.
final class PTYTests: XCTestCase {
    func testTerminalSessionCompletesRecallsAbandonsAndExits() throws {
        let binary = try builtBinary()
        let python = try XCTUnwrap(
            executable(named: "python3"), "python3 is needed to drive a pseudo-terminal")
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let state = home.appendingPathComponent("state")
        let config = home.appendingPathComponent("config")
        try FileManager.default.createDirectory(
            at: config.appendingPathComponent("nnstep"), withIntermediateDirectories: true)
        try "set lr 0.3  # the startup file\n".write(
            to: config.appendingPathComponent("nnstep/init.nn"), atomically: true, encoding: .utf8)
        let driver = packageRoot.appendingPathComponent("Tests/nnstepTests/pty_drive.py")

        let result = try run(
            python,
            arguments: [driver.path, binary.path, state.appendingPathComponent("nnstep/history").path],
            environment: [
                "HOME": home.path, "XDG_STATE_HOME": state.path, "XDG_CONFIG_HOME": config.path, "TERM": "xterm",
                "NO_COLOR": "1",
                "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"
            ])
        XCTAssertEqual(result.status, 0, "pty_drive.py failed:\n\(result.errors)")
    }

    /// `step --walk` at a terminal: Enter shows the next sub-step, `q` leaves the network
    /// unchanged, `c` finishes the update as `step` would.
    func testWalkAdvancesOnEnterFinishesOnCAndAbandonsOnQ() throws {
        try drive("pty_walk.py")
    }

    /// `epoch N --watch`: frames redraw in place, Space pauses and resumes, q stops with the
    /// updates kept (`pty_watch.py`).
    func testWatchRedrawsPausesOnSpaceAndStopsOnQ() throws {
        try drive("pty_watch.py")
    }

    /// Runs the driver `script` (beside this file) on the built binary in a fresh home.
    private func drive(_ script: String) throws {
        let binary = try builtBinary()
        let python = try XCTUnwrap(executable(named: "python3"), "python3 is needed to drive a pseudo-terminal")
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let driver = packageRoot.appendingPathComponent("Tests/nnstepTests/\(script)")
        let result = try run(
            python, arguments: [driver.path, binary.path],
            environment: [
                "HOME": home.path, "XDG_STATE_HOME": home.path, "XDG_CONFIG_HOME": home.path, "TERM": "xterm",
                "NO_COLOR": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"
            ])
        XCTAssertEqual(result.status, 0, "\(script) failed:\n\(result.errors)")
    }

    func testPipedInputShowsNoPrompt() throws {
        let binary = try builtBinary()
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }

        let result = try run(
            binary, arguments: [], input: "help\n",
            environment: ["HOME": home.path, "XDG_STATE_HOME": home.path, "PATH": "/usr/bin:/bin"])
        XCTAssertFalse(result.output.contains("nnstep>"), "a prompt was printed:\n\(result.output)")
        XCTAssertFalse(result.output.isEmpty, "'help' printed nothing")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: home.appendingPathComponent("nnstep").path),
            "piped input must not write a history file")
    }

    // MARK: - Helpers

    /// The package root: three levels above this file (Tests/nnstepTests/PTYTests.swift).
    private var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    private func builtBinary() throws -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("nnstep")
        let debug = packageRoot.appendingPathComponent(".build/debug/nnstep")
        for candidate in [besideTests, debug]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw XCTSkip("no built nnstep at \(debug.path); run 'swift build' first")
    }

    private func executable(named name: String) -> URL? {
        ["/usr/bin", "/bin", "/usr/local/bin"].map { URL(fileURLWithPath: "\($0)/\(name)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("nnstep-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `program` to the end with `input` on standard input, collecting both outputs.
    private func run(
        _ program: URL, arguments: [String], input: String = "", environment: [String: String]
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}
