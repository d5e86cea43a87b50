/// For the dry run of `nnstep --check`: commands run on a private session, and every file they
/// would write is checked (its directory exists, it is not a folder) but never written.
public enum NoWrites {
    /// Runs `body` with every file write turned into a check of its path.
    public static func withoutWriting<Result>(_ body: () -> Result) -> Result {
        FileAccess.$dryRun.withValue(true, operation: body)
    }
}

extension FileAccess {
    /// True while `--check` plays a script or lesson; `writeAtomically` then writes nothing.
    @TaskLocal static var dryRun = false
}
