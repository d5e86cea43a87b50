import NNEngine

/// Mazur's names for the parameters and nodes of his network, against nnstep's.
enum MazurNames {
    /// (his name, ours in ASCII, ours on screen, its value in his post)
    static let pairs: [(String, String, String, String)] = [
        ("w1", "w1_11", "w¹₁₁", "0.15"), ("w2", "w1_21", "w¹₂₁", "0.20"), ("w3", "w1_12", "w¹₁₂", "0.25"),
        ("w4", "w1_22", "w¹₂₂", "0.30"), ("w5", "w2_11", "w²₁₁", "0.40"), ("w6", "w2_21", "w²₂₁", "0.45"),
        ("w7", "w2_12", "w²₁₂", "0.50"), ("w8", "w2_22", "w²₂₂", "0.55"),
        ("b1", "b1_1, b1_2", "b₁₁, b₁₂", "0.35"), ("b2", "b2_1, b2_2", "b₂₁, b₂₂", "0.60"),
        ("i1, i2", "x_i1, x_i2", "x_i1, x_i2", "0.05, 0.10"), ("h1, h2", "O1_1, O1_2", "O₁₁, O₁₂", ""),
        ("o1, o2", "O2_1, O2_2 = yhat_1, yhat_2", "O₂₁, O₂₂ = ŷ₁, ŷ₂", ""),
        ("target o1, o2", "y_1, y_2", "y₁, y₂", "0.01, 0.99"),
        ("E_total = sum of 1/2(target - out)^2", "L = mean of (y - yhat)^2", "L = mean of (y − ŷ)²", "")
    ]

    static func table(notation: Notation) -> String {
        var table = TextTable(header: ["Mazur", "nnstep", "value"])
        for (his, ascii, textbook, value) in pairs {
            table.rows.append([his, notation.ascii ? ascii : textbook, value])
        }
        table.leftAligned = [0, 1]
        return table.render()
            + "his E_total, the sum of ½(t − o)² over 2 outputs, equals the mean of (y − ŷ)²,\n"
            + "so every gradient agrees with his; his biases stay fixed (frozen here)\n"
    }
}
