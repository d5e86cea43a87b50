import XCTest

@testable import NNShell

/// Which file `load 4`, `load gradients` or `load path.lesson` means, and where lessons are found.
final class LessonLibraryTests: XCTestCase {
    let library = LessonLibrary(directories: [LessonHarness.lessons])

    func testLessonsAreFoundByNumberNameOrPath() throws {
        let cases: [(String, String)] = [
            ("8", "08-nine-gradients"), ("08", "08-nine-gradients"), ("nine-gradients", "08-nine-gradients"),
            ("08-nine-gradients", "08-nine-gradients"), ("vanishing", "14-vanishing-gradients"),
            (LessonHarness.lessons + "/03-perceptron-trick.lesson", "03-perceptron-trick")
        ]
        for (name, key) in cases {
            XCTAssertEqual(try library.find(name, resolve: { $0 }).key, key, name)
        }
        XCTAssertEqual(try library.find("12", resolve: { $0 }).number, 12)
    }

    func testMistakesSayWhatToDo() {
        let cases: [(String, String)] = [
            ("99", "there is no lesson 99; type 'lessons' to see them"),
            ("gradients", "'gradients' matches 2 lessons (08-nine-gradients, 14-vanishing-gradients); type its number"),
            ("perceptrn", "no lesson called 'perceptrn'; did you mean 'perceptron'?"),
            ("nowhere/x.lesson", "cannot read 'nowhere/x.lesson': no such file")
        ]
        for (name, message) in cases {
            XCTAssertThrowsError(try library.find(name, resolve: { $0 }), name) { error in
                XCTAssertEqual((error as? ShellError)?.message, message, name)
            }
        }
    }

    func testTheSearchPathPrefersTheConfiguredThenTheEnvironmentThenTheWorkingDirectory() {
        XCTAssertEqual(
            LessonLibrary.searchPath(
                configured: ["/a"], environment: { _ in "/b" }, workingDirectory: LessonHarness.root.path), ["/a"])
        XCTAssertEqual(
            LessonLibrary.searchPath(
                configured: [], environment: { $0 == "NNSTEP_LESSONS" ? "/b:/c" : nil },
                workingDirectory: LessonHarness.root.path), ["/b", "/c"])
        XCTAssertEqual(
            LessonLibrary.searchPath(
                configured: [], environment: { _ in nil }, workingDirectory: LessonHarness.root.path),
            [LessonHarness.root.path + "/Lessons"])
    }

    func testLessonsAreFoundBesideTheProgramByWalkingUp() {
        let binary = LessonHarness.root.path + "/.build/debug/nnstep"
        XCTAssertEqual(LessonLibrary.walkUp(from: binary), LessonHarness.root.path + "/Lessons")
        XCTAssertNil(LessonLibrary.walkUp(from: "/nonexistent-nnstep-dir/bin/nnstep"))
    }
}
