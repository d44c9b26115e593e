/** The spec's validation algorithm (chapter 3); its result is what the engines compile. */
module dev.nebula.validator {
    requires transitive dev.nebula.decoder;

    exports dev.nebula.validator;
}
