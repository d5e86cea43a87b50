import CFuzzerDriver
import FuzzEntry
import Glibc

/// libFuzzer's callback: one input for the csv fuzzer (see `FuzzEntry.csv`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzEntry.run(.csv, data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

@main
enum FuzzCSVMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzCSV))
    }
}
