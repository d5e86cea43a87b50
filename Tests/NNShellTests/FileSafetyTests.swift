import Foundation
import XCTest

@testable import NNShell

/// nnstep's one file writer and one file reader, against the files and faults that used to
/// break them: links, special files, modes, a file-size limit, a full disk.
/// Each test builds its own conditions in a fresh folder and removes them.
final class FileSafetyTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "nnstep-files-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    func path(_ name: String) -> String { directory + "/" + name }
    func contents(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp.") }
    }

    func session() -> Session {
        let session = Session(options: SessionOptions())
        session.directory = directory
        session.clock = { 0 }
        XCTAssertNil(session.evaluate("net 2-2-1").error)
        return session
    }

    func testASymlinkIsFollowedAndTheFileItPointsToIsReplaced() throws {
        try "old".write(toFile: path("real.json"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.json"), withDestinationPath: "real.json")
        XCTAssertNil(session().evaluate("export json link.json").error)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.json")), "real.json")
        XCTAssertTrue(contents("real.json")?.hasPrefix("{\n  \"network\"") ?? false)
        XCTAssertEqual(leftovers(), [])
    }

    func testALinkToNowhereCreatesTheFileItNames() throws {
        try FileManager.default.createSymbolicLink(atPath: path("dangling.json"), withDestinationPath: "made.json")
        XCTAssertNil(session().evaluate("export json dangling.json").error)
        XCTAssertTrue(contents("made.json")?.hasPrefix("{") ?? false)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("dangling.json")), "made.json")
    }

    func testNamesThatCannotNameAFile() {
        let session = self.session()
        XCTAssertEqual(
            session.evaluate("export json \"a\u{0}b.json\"").error?.message,
            "cannot write 'a\\u{0}b.json': the name contains a NUL character; expected a file name")
        XCTAssertEqual(
            session.evaluate("data load \"a\u{0}b\"").error?.message,
            "cannot read 'a\\u{0}b': the name contains a NUL character; expected a file name")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: path("a")), "nothing is written under the name cut at the NUL")
        let long = String(repeating: "x", count: 250)
        XCTAssertNil(
            session.evaluate("export json \(long)").error, "a 250-byte name is allowed, and so is its temporary file")
        XCTAssertEqual(leftovers(), [])
    }

    func testTheTargetsModeIsKept() throws {
        try "old".write(toFile: path("secret.json"), atomically: false, encoding: .utf8)
        chmod(path("secret.json"), 0o600)
        XCTAssertNil(session().evaluate("export json secret.json").error)
        let mode = try FileManager.default.attributesOfItem(atPath: path("secret.json"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAFIFOIsNeitherWaitedOnNorReplaced() throws {
        XCTAssertEqual(mkfifo(path("pipe"), 0o644), 0)
        let session = self.session()
        XCTAssertEqual(
            session.evaluate("export json pipe").error?.message,
            "cannot write 'pipe': it is a FIFO (a named pipe); expected a regular file")
        XCTAssertEqual(
            session.evaluate("data load pipe").error?.message,
            "cannot read 'pipe': it is a FIFO (a named pipe); expected a regular file")
        XCTAssertEqual(
            session.evaluate("import json pipe").error?.message,
            "cannot read 'pipe': it is a FIFO (a named pipe); expected a regular file")
        var info = stat()
        XCTAssertEqual(lstat(path("pipe"), &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }

    func testADeviceIsRefusedForReadingAndWriting() {
        let session = self.session()
        XCTAssertEqual(
            session.evaluate("export json /dev/null").error?.message,
            "cannot write '/dev/null': it is a device; expected a regular file")
        XCTAssertEqual(
            session.evaluate("data load /dev/zero").error?.message,
            "cannot read '/dev/zero': it is a device; expected a regular file")
        XCTAssertEqual(
            session.evaluate("import json /dev/zero").error?.message,
            "cannot read '/dev/zero': it is a device; expected a regular file")
    }

    func testASymlinkLoopSaysSo() throws {
        try FileManager.default.createSymbolicLink(atPath: path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: path("b"), withDestinationPath: "a")
        let session = self.session()
        XCTAssertEqual(
            session.evaluate("data load a").error?.message, "cannot read 'a': too many levels of symbolic links")
        XCTAssertEqual(
            session.evaluate("export json a").error?.message, "cannot write 'a': too many levels of symbolic links")
    }

    func testEveryKindOfFileIsCappedAndTheCapIsInTheMessage() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("big.csv"), contents: nil))
        XCTAssertEqual(
            truncate(path("big.csv"), off_t(FileReader.Kind.csv.limit + 1)), 0, "a sparse file, made at once")
        let session = self.session()
        XCTAssertEqual(
            session.evaluate("data load big.csv").error?.message,
            "cannot read 'big.csv': it is larger than 256 MB, the limit for a CSV file")
        XCTAssertEqual(rename(path("big.csv"), path("big.lesson")), 0)
        let message = session.evaluate("load big.lesson").error?.message ?? ""
        XCTAssertTrue(message.hasSuffix("big.lesson': it is larger than 4 MB, the limit for a lesson"), message)
        XCTAssertThrowsError(try FileReader.read(path("big.lesson"), kind: .script)) { error in
            XCTAssertEqual((error as? FileProblem)?.reason, "it is larger than 16 MB, the limit for a script")
        }
    }

    /// Under a file-size limit the write fails with EFBIG (SIGXFSZ is ignored), the old file
    /// stays whole and no temporary file is left.
    func testAFileSizeLimitLeavesTheOldFileWhole() throws {
        try "old contents".write(toFile: path("keep.json"), atomically: false, encoding: .utf8)
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        var small = saved
        small.rlim_cur = 100
        var thrown: FileProblem?
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small)
        do { try FileWriter.replace(path("keep.json"), with: Array(repeating: 65, count: 10_000)) } catch {
            thrown = error
        }
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        XCTAssertEqual(
            thrown?.reason, "the file would exceed the file-size limit (ulimit -f); the old file is unchanged")
        XCTAssertEqual(contents("keep.json"), "old contents")
        XCTAssertEqual(leftovers(), [])
    }

    /// A full disk: a 16 KB tmpfs (needs root; skipped otherwise).
    func testAFullDiskLeavesTheOldFileWhole() throws {
        let mountPoint = path("small")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mountPoint]) == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here")
        }
        defer { _ = run("/bin/umount", [mountPoint]) }
        try "old".write(toFile: mountPoint + "/x.json", atomically: false, encoding: .utf8)
        let session = self.session()
        XCTAssertNil(session.evaluate("net 2-300-1").error)
        XCTAssertEqual(
            session.evaluate("export json small/x.json").error?.message,
            "cannot write 'small/x.json': the disk is full; the old file is unchanged")
        XCTAssertTrue(contents("small/x.json") == "old", "the old file is whole")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint), ["x.json"])
    }

    func testADashWritesToTheOutput() {
        let outcome = session().evaluate("export json -")
        XCTAssertNil(outcome.error)
        XCTAssertTrue(outcome.output.hasPrefix("{\n  \"network\""), outcome.output)
    }

    func run(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
