/**
 * What the conformance harnesses share and nobody else should use: the guest thread (large stack,
 * time limit). Not part of the module's API.
 */
package dev.nebula.conformance.internal;
