/// nnstep's version, in one place: the greeting, `--version` and the man page's header use it.
public enum Version {
    public static let number = "0.1.0"
}
