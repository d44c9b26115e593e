package dev.nebula.decoder.testkit;

/** Finds byte patterns in built modules, so tests can name an error's offset by what sits there. */
public final class Search {

    private Search() {
    }

    /** Offset of the only occurrence of {@code needle}; fails if it is missing or ambiguous. */
    public static int indexOfOnly(byte[] haystack, byte[] needle) {
        int found = -1;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (matchesAt(haystack, needle, i)) {
                if (found >= 0) throw new IllegalArgumentException("pattern occurs twice: " + Hex.abbreviated(needle));
                found = i;
            }
        }
        if (found < 0) throw new IllegalArgumentException("pattern not found: " + Hex.abbreviated(needle));
        return found;
    }

    private static boolean matchesAt(byte[] haystack, byte[] needle, int at) {
        for (int j = 0; j < needle.length; j++) {
            if (haystack[at + j] != needle[j]) return false;
        }
        return true;
    }
}
