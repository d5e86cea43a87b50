import Foundation
import XCTest

/// `make install` and `make uninstall` into a DESTDIR, the man page, and `--help` at 80 columns.
final class InstallTests: XCTestCase {
    private let root = NNStepBinary.packageRoot

    private func tool(_ name: String) throws -> URL {
        let url = URL(fileURLWithPath: "/usr/bin/\(name)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("\(name) is not installed (.ci/run installs it)")
        }
        return url
    }

    func testInstallLaysOutEveryFileAndTheInstalledBinaryFindsItsLessons() throws {
        let make = try tool("make")
        let binary = try NNStepBinary.path()
        let stage = try NNStepBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: stage) }
        let destination = stage.appendingPathComponent("dest").path
        let install = try NNStepBinary.run(
            [
                "-s", "-C", root.path, "install", "DESTDIR=\(destination)", "PREFIX=/opt/nn",
                "BINARY=\(binary.path)"
            ], in: stage, program: make)
        XCTAssertEqual(install.status, 0, install.errors)
        let prefix = destination + "/opt/nn"
        let lessons = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)
            .filter { $0.hasSuffix(".lesson") }.sorted()
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/nnstep/lessons").sorted(), lessons)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix + "/bin/nnstep"))
        let expected = [
            "share/man/man1/nnstep.1": ".TH NNSTEP 1", "share/bash-completion/completions/nnstep": "-F _nnstep nnstep",
            "share/zsh/site-functions/_nnstep": "#compdef nnstep",
            "share/fish/vendor_completions.d/nnstep.fish": "complete -c 'nnstep'"
        ]
        for (path, needle) in expected {
            let text = (try? String(contentsOfFile: prefix + "/" + path, encoding: .utf8)) ?? ""
            XCTAssertTrue(text.contains(needle), "\(path) lacks '\(needle)'")
        }
        // Run from a folder without Lessons/: the binary finds PREFIX/share/nnstep/lessons.
        let listed = try NNStepBinary.run(
            [], input: "lessons\n", in: stage, program: URL(fileURLWithPath: prefix + "/bin/nnstep"))
        XCTAssertEqual(listed.status, 0, listed.errors)
        XCTAssertTrue(listed.output.contains("Deep learning") || listed.output.contains("deep learning"), listed.output)

        let uninstall = try NNStepBinary.run(
            ["-s", "-C", root.path, "uninstall", "DESTDIR=\(destination)", "PREFIX=/opt/nn"],
            in: stage, program: make)
        XCTAssertEqual(uninstall.status, 0, uninstall.errors)
        let left = FileManager.default.enumerator(atPath: prefix)?.compactMap { $0 as? String }
            .filter {
                !((try? FileManager.default.attributesOfItem(atPath: prefix + "/" + $0)[.type] as? FileAttributeType)
                    == .typeDirectory)
            }
        XCTAssertEqual(left ?? [], [], "make uninstall left files behind")
    }

    func testTheManPageRendersWithoutWarningsInEightyColumns() throws {
        let man = try tool("man")
        let page = root.appendingPathComponent("docs/nnstep.1").path
        let rendered = try NNStepBinary.run(
            ["-l", page], in: root, program: man, environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"])
        XCTAssertEqual(rendered.status, 0, rendered.errors)
        XCTAssertEqual(rendered.errors, "", "man reported problems")
        for section in [
            "NAME", "SYNOPSIS", "OPTIONS", "FILES", "ENVIRONMENT", "EXIT STATUS", "--interactive", "--no-init",
            "init.nn"
        ] {
            XCTAssertTrue(rendered.output.contains(section), "the page lacks \(section)")
        }
        let wide = rendered.output.split(separator: "\n").filter { $0.count > 80 }
        XCTAssertEqual(wide, [])
        if let groff = try? tool("groff") {
            let checked = try NNStepBinary.run(["-man", "-Tutf8", "-ww", "-z", page], in: root, program: groff)
            XCTAssertEqual(checked.errors, "", "groff warnings")
        }
    }

    func testHelpFitsEightyColumns() throws {
        let help = try NNStepBinary.run(["--help"], in: root, environment: ["COLUMNS": "80"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("--interactive"), help.output)
        XCTAssertEqual(help.output.split(separator: "\n").filter { $0.count > 80 }, [])
    }
}
