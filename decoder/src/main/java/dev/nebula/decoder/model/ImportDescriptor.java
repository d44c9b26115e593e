package dev.nebula.decoder.model;

/** What an import brings in (spec 2.5.11): a function of a type, a table, a memory or a global. */
public sealed interface ImportDescriptor permits FunctionImport, TableType, MemoryType, GlobalType {

    ExternKind kind();
}
