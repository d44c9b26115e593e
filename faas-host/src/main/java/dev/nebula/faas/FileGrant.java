package dev.nebula.faas;

/**
 * Whether a function may reach files: by default not at all. A deploy with {@code files=ro} or
 * {@code files=rw} grants the function its own folder, {@code DATA/files/NAME} on the host,
 * seen by the guest as {@code /data}, read-only or writable. Nothing else of the host's file
 * system is ever reachable (the WASI sandbox stops {@code ..}, absolute paths and symbolic links
 * at the folder's edge). Calls of one function share its folder: that is the point of granting it.
 */
public enum FileGrant {
    NONE("none"),
    READ_ONLY("ro"),
    READ_WRITE("rw");

    /** Where the granted folder appears to the guest. */
    public static final String GUEST_PATH = "/data";

    private final String apiName;

    FileGrant(String apiName) {
        this.apiName = apiName;
    }

    /** The value of the {@code files} parameter and JSON field: none, ro or rw. */
    public String apiName() {
        return apiName;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static FileGrant parse(String text) {
        for (FileGrant grant : values()) {
            if (grant.apiName.equals(text)) return grant;
        }
        throw new IllegalArgumentException("files must be none, ro or rw, got \"" + text + "\"");
    }
}
