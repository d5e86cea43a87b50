// swift-tools-version: 6.0
// The libFuzzer targets, kept out of the main package so that its `swift build` never sees
// them. Build and run with ./run.sh (see README.md); the flags that make them fuzzers
// (-sanitize=fuzzer,address) are given on the command line.
import PackageDescription

let package = Package(
    name: "nnstep-fuzz",
    dependencies: [.package(name: "nnstep", path: "..")],
    targets: [
        // The shared entry logic; Tests/NNShellTests/FuzzEntry.swift links to the same file.
        .target(name: "FuzzEntry", dependencies: [
            .product(name: "NNShell", package: "nnstep"),
            .product(name: "NNEngine", package: "nnstep"),
        ]),
        // Declares libFuzzer's driver, which each target's main calls.
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzCommand", dependencies: ["FuzzEntry", "CFuzzerDriver"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzEntry", "CFuzzerDriver"]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzEntry", "CFuzzerDriver"]),
        .executableTarget(name: "FuzzLesson", dependencies: ["FuzzEntry", "CFuzzerDriver"]),
    ]
)
