import XCTest

@testable import NNEngine

/// The CSV number reader gives the very Double that `Double(String)` gives, bit for bit.
/// `NNSTEP_NUMBER_CASES=5000000 swift test --filter CSVNumberTests` runs more random cases.
final class CSVNumberTests: XCTestCase {
    /// The reader's value for `text`, or nil when it does not read all of it as a number.
    private func scanned(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { buffer -> Double? in
            guard let base = buffer.baseAddress,
                case .number(let value, let end) = CSVNumber.scan(base, from: 0, to: buffer.count),
                end == buffer.count
            else { return nil }
            return value
        }
    }

    private func assertSameAsSwift(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let expected = Double(text) else { return XCTFail("Double(\"\(text)\") is nil", file: file, line: line) }
        guard let value = scanned(text) else { return XCTFail("'\(text)' was not read", file: file, line: line) }
        XCTAssertEqual(
            value.bitPattern, expected.bitPattern, "'\(text)': \(value) != \(expected)", file: file, line: line)
    }

    func testHardCasesRoundLikeDoubleInit() {
        let cases = [
            "0", "-0", "+0", "-0.0", "0e0", "-0e-5", "0.", ".5", "5.", "00000001", "1e0", "1E+2", "1e-2",
            "0.1", "0.2", "0.3", "1e22", "1e23", "1e-22", "1e-23", "123456789012345", "1234567890123456",
            "9007199254740992", "9007199254740993", "9007199254740995", "18014398509481993",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "4.9e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "8.98846567431158e307",
            "0.1000000000000000055511151231257827021181583404541015625",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203126",
            "1.00000000000000011102230246251565404236316680908203124",
            "123456789012345678901234567890", "0.000000000000000000000000000001234567",
            "3.141592653589793238462643383279", "2.718281828459045", "1e308", "1e309", "-1e309",
            "7.2057594037927933e16", "9223372036854775807", "9223372036854775808", "18446744073709551615",
            "18446744073709551616", "1.9999999999999999", "0.30000000000000004", "100000000000000000000000",
            "1" + String(repeating: "0", count: 400) + "e-400", "0." + String(repeating: "0", count: 320) + "1e320",
            "4.4501477170144023e-308", "1e-99999999999999999999", "1e99999999999999999999"
        ]
        for text in cases { assertSameAsSwift(text) }
    }

    func testWhatIsNotADecimalNumberIsRefused() {
        for text in ["", "+", "-", ".", "e5", ".e5", "1e", "1e+", "--1", "0x10", "nan", "inf", "1_000"] {
            XCTAssertNil(scanned(text), "'\(text)'")
        }
        XCTAssertEqual(scanned("1.5"), 1.5)
    }

    func testRandomDecimalsRoundLikeDoubleInit() {
        let count = ProcessInfo.processInfo.environment["NNSTEP_NUMBER_CASES"].flatMap(Int.init) ?? 200_000
        var random = SplitMix64(seed: 2026)
        var bytes: [UInt8] = []
        var mismatches: [String] = []
        for index in 0..<count {
            randomDecimal(&random, into: &bytes, shortest: index % 4 == 0)
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = Double(text)!
            let value = bytes.withUnsafeBufferPointer { buffer -> Double? in
                guard case .number(let value, let end) = CSVNumber.scan(buffer.baseAddress!, from: 0, to: buffer.count),
                    end == buffer.count
                else { return nil }
                return value
            }
            if value?.bitPattern != expected.bitPattern, mismatches.count < 10 { mismatches.append(text) }
        }
        XCTAssertEqual(mismatches, [], "read differently from Double(String)")
    }

    /// A random decimal: sign, 0–20 integer digits, an optional point with 0–20 digits, an
    /// optional exponent up to ±330; or (`shortest`) the shortest text of a random Double.
    private func randomDecimal(_ random: inout SplitMix64, into bytes: inout [UInt8], shortest: Bool) {
        bytes.removeAll(keepingCapacity: true)
        if shortest {
            let value = Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        let digit = { (random: inout SplitMix64) in UInt8(48 + random.next() % 10) }
        switch random.next() % 3 {
        case 0: bytes.append(UInt8(ascii: "-"));
        case 1: break;
        default: bytes.append(UInt8(ascii: "+"))
        }
        let whole = Int(random.next() % 21), fraction = Int(random.next() % 21)
        for _ in 0..<whole { bytes.append(digit(&random)) }
        if whole == 0 || random.next() % 2 == 0 {
            bytes.append(UInt8(ascii: "."))
            for _ in 0..<max(fraction, whole == 0 ? 1 : 0) { bytes.append(digit(&random)) }
        }
        if random.next() % 2 == 0 {
            bytes.append(random.next() % 2 == 0 ? UInt8(ascii: "e") : UInt8(ascii: "E"))
            if random.next() % 2 == 0 { bytes.append(random.next() % 2 == 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")) }
            let magnitude = random.next() % 4 == 0 ? random.next() % 331 : random.next() % 30
            bytes.append(contentsOf: String(magnitude).utf8)
        }
    }
}
