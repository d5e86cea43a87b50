import Foundation
import XCTest

@testable import NNShell

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `review --html`: one well-formed, self-contained page with the typed lines, their output,
/// MathML formulas, weight tables and inline SVG plots.
final class HTMLReviewTests: XCTestCase {
    /// Parses `page` as XML; returns the element names seen, or fails with the parser's error.
    private func elements(_ page: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) { names.append(name) }
        }
        let parser = XMLParser(data: Data(page.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(
            parser.parse(),
            "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)",
            file: file, line: line)
        return collector.names
    }

    func testASessionPageHoldsTheLinesFormulasTablesAndPictures() throws {
        var options = SessionOptions()
        options.width = 80
        let session = Session(options: options)
        for line in [
            "net 2-2-1 act=sigmoid", "data and", "set w1_21 0.25  # a <comment> & more", "epoch 5", "plot loss",
            "show weights"
        ] {
            XCTAssertNil(session.evaluate(line).error, line)
        }
        let page = session.evaluate("review --html -").output
        let names = elements(page)
        XCTAssertEqual(names.first, "html")
        for name in ["math", "msubsup", "table", "svg", "pre", "figure"] {
            XCTAssertTrue(names.contains(name), "no <\(name)>")
        }
        // Two pictures: the `plot loss` line and the loss curve at the end (the data is 2-D: plus the regions).
        XCTAssertEqual(names.filter { $0 == "svg" }.count, 3)
        XCTAssertTrue(
            page.contains("set w1_21 0.25  # a &lt;comment&gt; &amp; more"), "the typed line is missing or unescaped")
        XCTAssertFalse(page.contains("<?xml"), "an SVG kept its XML declaration inside the page")
        XCTAssertFalse(
            page.contains("<script") || page.contains("src=\"http") || page.contains("<link"),
            "the page is not self-contained")
        // The table's value for w1_21 is the engine's after 5 epochs (20 updates).
        let weight = try XCTUnwrap(session.state.training?.network.weight(1, 2, 1))
        XCTAssertNotEqual(weight, 0.25)
        let cell = "<msubsup><mi>w</mi><mn>21</mn><mn>1</mn></msubsup></math> = \(session.state.format(weight))</td>"
        XCTAssertTrue(page.contains(cell), "no cell \(cell)")
        XCTAssertTrue(page.contains("<mi>sigmoid</mi>"), "the layer formula lacks its activation")
    }

    func testALessonPageIsTitledByTheLessonAndTheFileIsWritten() throws {
        let directory = LessonHarness.temporaryDirectory()
        let session = LessonHarness.session()
        session.directory = directory
        _ = session.evaluate("load 8")
        _ = session.evaluate("")
        let reply = session.evaluate("review --html lesson8.html")
        XCTAssertNil(reply.error)
        XCTAssertEqual(reply.output, "wrote the review of lesson 8 to lesson8.html (HTML)\n")
        let page = try String(contentsOfFile: directory + "/lesson8.html", encoding: .utf8)
        _ = elements(page)
        XCTAssertTrue(page.contains("<h1>Review: Lesson 8 · "), String(page.prefix(600)))
        XCTAssertTrue(page.contains("lesson 8» "), "the lesson's own commands are missing")
        XCTAssertEqual(
            session.evaluate("review --html").error?.message,
            "'--html' needs a file name, like 'review --html session.html'")
    }

    func testAnEmptySessionStillMakesAPage() {
        let page = LessonHarness.session().evaluate("review --html -").output
        XCTAssertTrue(elements(page).contains("body"))
        XCTAssertTrue(page.contains("Nothing was typed yet."))
    }

    func testThePlotsALessonDrawsAreInlinePictures() {
        var options = SessionOptions()
        options.lessonDirectories = [LessonHarness.lessons]
        let session = Session(options: options)
        _ = session.evaluate("load 1")
        XCTAssertTrue(
            session.state.lesson?.log.contains {
                if case .command(let line, _) = $0 { return line.hasPrefix("plot") } else { return false }
            } ?? false,
            "lesson 1 no longer plots on its first page")
        let page = session.evaluate("review --html -").output
        let entries = page.components(separatedBy: "<section class=\"entry\">")
        XCTAssertEqual(entries.count, 2, "one line typed: 'load 1'")
        XCTAssertTrue(entries[1].contains("<figure><svg"), "the lesson's plot is not a picture")
        XCTAssertTrue(
            session.state.lesson?.pictures.isEmpty ?? false, "the pictures were not moved into the transcript")
    }
}
