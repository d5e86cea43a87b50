import Foundation
import XCTest

/// Runs the built `nnstep` binary with piped standard streams, for tests of its flags.
enum NNStepBinary {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The package root: three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary `swift build` put beside the test bundle, or `.build/debug/nnstep`.
    static func path() throws -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("nnstep")
        let debug = packageRoot.appendingPathComponent(".build/debug/nnstep")
        for candidate in [besideTests, debug] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw XCTSkip("no built nnstep at \(debug.path); run 'swift build' first")
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnstep-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `program` (the binary by default) in `directory` to the end, with `input` on standard input.
    static func run(
        _ arguments: [String], input: String = "", in directory: URL, program: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = try program ?? path()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            .merging(environment) { $1 }
        // Standard error goes to a file, so a full pipe can never block the program.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nnstep-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = try Data(contentsOf: errorFile)
        return Result(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}
