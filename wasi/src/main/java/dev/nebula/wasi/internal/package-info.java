/**
 * The implementation behind {@link dev.nebula.wasi.Wasi}; no other module may import it.
 *
 * <p>Layout: {@code Preview1} registers the functions and turns failures into errnos;
 * {@code *Functions}, {@code PathOpen}, {@code DirectoryListing} implement them by family;
 * {@code FdTable} and the {@code Descriptor} subclasses hold the open descriptors;
 * {@code PathResolver} confines every path to the directory it is resolved beneath;
 * {@code GuestMemory} and {@code Iovec} read guest pointers (EFAULT, not a trap, for a bad one);
 * {@code Errno}, {@code Rights}, {@code Flags}, {@code Filetype}, {@code Filestat} are the ABI.
 */
package dev.nebula.wasi.internal;
