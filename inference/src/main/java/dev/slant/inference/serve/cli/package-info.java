/** The {@code serve} command: parse options, start {@link dev.slant.inference.serve.SlantServer}, wait. */
package dev.slant.inference.serve.cli;
