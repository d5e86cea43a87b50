import Foundation
import XCTest

/// `review --html` rendered by headless Chromium: the picture must not be blank.
/// (.ci/run installs Debian's `chromium`; without it the test is skipped.)
final class ReviewRenderTests: XCTestCase {
    func testTheReviewRendersInChromiumToAPageThatIsNotBlank() throws {
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
                .first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw XCTSkip("headless Chromium is not installed (apt-get install chromium; .ci/run does it)")
        }
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw XCTSkip("python3 is needed to read the PNG")
        }
        let directory = try NNStepBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = "net 2-2-1 act=sigmoid\ndata and\nepoch 10\nplot loss\nreview --html review.html\n"
        let made = try NNStepBinary.run(["--script", "-"], input: script, in: directory)
        XCTAssertEqual(made.status, 0, made.errors)
        let png = directory.appendingPathComponent("review.png")
        let rendered = try NNStepBinary.run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1400",
                "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                "--screenshot=\(png.path)", directory.appendingPathComponent("review.html").absoluteString
            ],
            in: directory, program: URL(fileURLWithPath: chromium))
        XCTAssertEqual(rendered.status, 0, rendered.errors)
        // The share of pixels that are not (nearly) white, read from the PNG with zlib.
        let measure = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat, width, height, kind = 8, b'', 0, 0, 0
            while pos < len(data):
                length, tag = struct.unpack('>I4s', data[pos:pos + 8])
                chunk = data[pos + 8:pos + 8 + length]
                if tag == b'IHDR': width, height, depth, kind = struct.unpack('>IIBB', chunk[:10])
                if tag == b'IDAT': idat += chunk
                pos += 12 + length
            channels = {2: 3, 6: 4}[kind]
            raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
            for y in range(height):
                f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - channels] if i >= channels else 0
                    b = previous[i]
                    c = previous[i - channels] if i >= channels else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                rows.append(line); previous = line
            ink = sum(1 for line in rows[::4] for x in range(0, width, 4) if min(line[x * channels:x * channels + 3]) < 200)
            print(width, height, ink / ((height // 4 + 1) * (width // 4 + 1)))
            """
        let measured = try NNStepBinary.run(["-c", measure, png.path], in: directory, program: python)
        XCTAssertEqual(measured.status, 0, measured.errors)
        let fields = measured.output.split(separator: " ")
        let ink = try XCTUnwrap(
            Double(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""), measured.output)
        XCTAssertEqual(fields.first, "900")
        XCTAssertGreaterThan(ink, 0.01, "the rendered review is blank (\(ink) of the pixels are dark)")
        XCTAssertLessThan(ink, 0.9, "the rendered review is a solid block")
    }
}
