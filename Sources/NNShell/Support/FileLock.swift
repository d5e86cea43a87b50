import Glibc

/// An exclusive lock beside a file (`PATH.lock`, flock), so two sessions that read, merge and
/// write the same file (lesson progress, history) take turns and lose nothing.
public enum FileLock {
    /// How long to wait for another session before going ahead without the lock, in seconds.
    static let patience = 2.0

    /// Runs `body` holding the lock for `path`. When the lock file cannot be made (a read-only
    /// folder) or another process holds it too long, `body` runs anyway: the lock protects
    /// merges, it must never stop nnstep from working.
    public static func withLock<T, E: Error>(_ path: String, _ body: () throws(E) -> T) throws(E) -> T {
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        defer { if fd >= 0 { close(fd) } }
        if fd >= 0 { acquire(fd) }
        return try body()
    }

    private static func acquire(_ fd: Int32) {
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < patience else { return }
            usleep(10_000)
            waited += 0.01
        }
    }
}
