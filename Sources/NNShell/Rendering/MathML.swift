import NNEngine

/// Formulas as MathML (presentation markup), for the HTML review.
enum MathML {
    static func escape(_ text: String) -> String { HTMLReview.escape(text) }

    static func mi(_ name: String) -> String { "<mi>\(escape(name))</mi>" }
    static func mn(_ number: String) -> String { "<mn>\(escape(number))</mn>" }
    static func mo(_ op: String) -> String { "<mo>\(escape(op))</mo>" }
    static func row(_ parts: String...) -> String { "<mrow>" + parts.joined() + "</mrow>" }
    static func sup(_ base: String, _ power: String) -> String { "<msup>\(base)\(power)</msup>" }
    static func sub(_ base: String, _ index: String) -> String { "<msub>\(base)\(index)</msub>" }
    static func subsup(_ base: String, _ index: String, _ power: String) -> String {
        "<msubsup>\(base)\(index)\(power)</msubsup>"
    }
    static func frac(_ top: String, _ bottom: String) -> String { "<mfrac>\(top)\(bottom)</mfrac>" }
    static func paren(_ inner: String) -> String { row(mo("("), inner, mo(")")) }

    /// A `<math>` element; `block` displays it on its own line.
    static func math(_ body: String, block: Bool = true) -> String {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(block ? " display=\"block\"" : "")>" + body + "</math>"
    }

    /// `w^k_ij`: the weight from node i of layer k−1 into node j of layer k.
    static func weight(_ k: Int, _ i: Int, _ j: Int) -> String {
        subsup(mi("w"), mn(i < 10 && j < 10 ? "\(i)\(j)" : "\(i),\(j)"), mn("\(k)"))
    }

    /// `z^k = (W^k)^T a^(k−1) + b^k` and `a^k = g(z^k)` with the layer's activation.
    static func layer(_ k: Int, activation: Activation) -> String {
        let previous = k == 1 ? mi("x") : sup(mi("a"), row(mn("\(k - 1)")))
        let z = sup(mi("z"), mn("\(k)"))
        let forward = row(
            z, mo("="), sup(paren(sup(mi("W"), mn("\(k)"))), mi("T")), previous, mo("+"), sup(mi("b"), mn("\(k)")))
        let output = row(sup(mi("a"), mn("\(k)")), mo("="), mi(activation.rawValue), paren(z))
        return math(row(forward, mo(","), mspace, output))
    }

    static let mspace = "<mspace width=\"1em\"/>"

    /// The loss of one sample over the K output nodes, as the engine computes it.
    static func loss(_ loss: Loss, outputs: Int) -> String {
        let y = sub(mi("y"), mi("j")), yhat = sub(mi("ŷ"), mi("j"))
        let mean = row(
            frac(mn("1"), mn("\(outputs)")),
            "<munderover>\(mo("∑"))\(row(mi("j"), mo("="), mn("1")))\(mn("\(outputs)"))</munderover>")
        let body: String
        switch loss {
        case .mse: body = row(mean, sup(paren(row(y, mo("−"), yhat)), mn("2")))
        case .bce:
            body = row(
                mo("−"), mean, mo("["), y, mi("ln"), yhat, mo("+"), paren(row(mn("1"), mo("−"), y)), mi("ln"),
                paren(row(mn("1"), mo("−"), yhat)), mo("]"))
        case .cce:
            body = row(
                mo("−"), "<munderover>\(mo("∑"))\(row(mi("j"), mo("="), mn("1")))\(mn("\(outputs)"))</munderover>", y,
                mi("ln"), yhat)
        case .hinge: body = row(mean, mi("max"), paren(row(mn("0"), mo(","), mn("1"), mo("−"), y, yhat)))
        case .perceptron: body = row(mi("max"), paren(row(mn("0"), mo(","), mo("−"), mi("y"), mi("ŷ"))))
        }
        return math(row(mi("L"), mo("="), body))
    }
}
