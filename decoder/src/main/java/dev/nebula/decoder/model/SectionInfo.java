package dev.nebula.decoder.model;

/** Where a section sits in the module: its id (spec 5.5.2), and the offset and size of its contents. */
public record SectionInfo(int id, String name, int contentStart, int size) {

    /** The spec's name for section id {@code id} (spec 5.5.2). */
    public static String nameOf(int id) {
        return switch (id) {
            case 0 -> "custom";
            case 1 -> "type";
            case 2 -> "import";
            case 3 -> "function";
            case 4 -> "table";
            case 5 -> "memory";
            case 6 -> "global";
            case 7 -> "export";
            case 8 -> "start";
            case 9 -> "element";
            case 10 -> "code";
            case 11 -> "data";
            case 12 -> "datacount";
            default -> "unknown";
        };
    }
}
