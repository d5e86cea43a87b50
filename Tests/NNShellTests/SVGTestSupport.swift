import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG file parsed with Foundation's XMLParser into a small tree, for checking what
/// `plot … --svg` wrote against the numbers it shows.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ key: String) -> String? { attributes[key] }
    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }

    /// This node and every node under it, in document order.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }

    func elements(_ name: String? = nil, class className: String? = nil) -> [XMLNode] {
        all.filter {
            (name == nil || $0.name == name)
                && (className == nil || ($0["class"] ?? "").split(separator: " ").contains(Substring(className!)))
        }
    }

    /// Parses `data`, or fails the test and returns nil when it is not well-formed XML.
    static func parse(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> XMLNode? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            XCTFail("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")", file: file, line: line)
            return nil
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var stack: [XMLNode] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = XMLNode(name: name, attributes: attributes)
        node.parent = stack.last
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// A plot area's pixel rectangle and data interval, read from its `data-` attributes, to turn
/// pixels back into data.
struct PlotFrame {
    let left, top, width, height, xMin, xMax, yMin, yMax: Double
    let logY: Bool

    init?(_ node: XMLNode) {
        guard let left = node.number("data-left"), let top = node.number("data-top"),
            let width = node.number("data-width"),
            let height = node.number("data-height"), let xMin = node.number("data-x-min"),
            let xMax = node.number("data-x-max"),
            let yMin = node.number("data-y-min"), let yMax = node.number("data-y-max")
        else { return nil }
        (self.left, self.top, self.width, self.height) = (left, top, width, height)
        (self.xMin, self.xMax, self.yMin, self.yMax) = (xMin, xMax, yMin, yMax)
        logY = node["data-y-scale"] == "log"
    }

    func dataX(_ pixel: Double) -> Double { xMin + (pixel - left) / width * (xMax - xMin) }

    func dataY(_ pixel: Double) -> Double {
        let f = (top + height - pixel) / height
        return logY ? pow(10, log10(yMin) + f * (log10(yMax) - log10(yMin))) : yMin + f * (yMax - yMin)
    }

    /// How far apart two values may be after a round trip through pixels written with two decimals.
    var xTolerance: Double { (xMax - xMin) / width * 0.006 }
    func yTolerance(_ value: Double) -> Double {
        logY ? abs(value) * (pow(10, (log10(yMax) - log10(yMin)) / height * 0.006) - 1) : (yMax - yMin) / height * 0.006
    }
}

/// The (x, y) pixel pairs of a polyline's `points`.
func polylinePoints(_ node: XMLNode) -> [(Double, Double)] {
    (node["points"] ?? "").split(separator: " ").compactMap { pair in
        let parts = pair.split(separator: ",").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
