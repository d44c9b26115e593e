/** The text format: the {@code .wat} parser and encoder, the printer and the {@code .wast} script reader. */
module dev.nebula.text {
    requires transitive dev.nebula.decoder;

    exports dev.nebula.text;
}
