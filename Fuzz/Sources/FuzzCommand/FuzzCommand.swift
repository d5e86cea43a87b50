import CFuzzerDriver
import FuzzEntry
import Glibc

/// libFuzzer's callback: one input for the command fuzzer (see `FuzzEntry.command`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommand(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzEntry.run(.command, data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

@main
enum FuzzCommandMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzCommand))
    }
}
