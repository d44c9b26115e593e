/**
 * The official suites' harnesses: the core spec scripts ({@code spec}), the wasi-testsuite
 * ({@code wasi}) and their one skip-list format ({@code skip}).
 * Jackson reads wast2json's scripts into the records of {@code spec}, so that package is opened
 * to it.
 */
module dev.nebula.conformance {
    requires transitive dev.nebula.runtime;
    requires transitive dev.nebula.text;
    requires transitive dev.nebula.wasi;
    requires com.fasterxml.jackson.databind;

    exports dev.nebula.conformance.skip;
    exports dev.nebula.conformance.spec;
    exports dev.nebula.conformance.wasi;

    opens dev.nebula.conformance.spec to com.fasterxml.jackson.databind;
}
