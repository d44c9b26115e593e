package dev.nebula.runtime;

/** Something an instance can import or export (spec 4.2.12, external values). */
public sealed interface Extern permits WasmFunction, Memory, Table, Global {
}
