import CFuzzerDriver
import FuzzEntry
import Glibc

/// libFuzzer's callback: one input for the lesson fuzzer (see `FuzzEntry.lesson`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzEntry.run(.lesson, data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

@main
enum FuzzLessonMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzLesson))
    }
}
