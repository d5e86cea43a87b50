// swift-tools-version: 6.0
import PackageDescription

// nnstep builds and runs on Linux (glibc): the engine and the shell call libc directly.
let package = Package(
    name: "nnstep",
    products: [
        .executable(name: "nnstep", targets: ["nnstep"]),
        .library(name: "NNEngine", targets: ["NNEngine"]),
        .library(name: "NNShell", targets: ["NNShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The maths: networks, forward and backward passes with their chain-rule factors,
        // updates, data. No printing, no files, no terminal.
        .target(
            name: "NNEngine",
            // The engine's loops are the product: optimise them even in debug builds, so the
            // tests that train the benchmark workloads take a second, not a minute.
            swiftSettings: [
                .unsafeFlags(["-Ounchecked"], .when(configuration: .release)),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        // The session, the command language, lessons and renderers: line in, text out.
        .target(name: "NNShell", dependencies: ["NNEngine"]),
        // libedit through a system-library module map plus a small C shim for the
        // variadic functions Swift cannot call.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CEditLine", dependencies: ["CLibEdit"], exclude: ["README.md"]),
        // main, flags and the line reader: the only code that touches the terminal.
        .executableTarget(
            name: "nnstep",
            dependencies: [
                "NNShell", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .testTarget(name: "NNEngineTests", dependencies: ["NNEngine"]),
        .testTarget(name: "NNShellTests", dependencies: ["NNShell", "NNEngine"], exclude: ["Transcripts", "PlotGoldens", "LessonTranscripts"]),
        .testTarget(name: "nnstepTests", dependencies: [], exclude: ["pty_drive.py", "pty_walk.py", "pty_watch.py"]),
    ]
)
