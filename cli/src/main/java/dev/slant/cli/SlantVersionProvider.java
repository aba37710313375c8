package dev.slant.cli;

import dev.slant.inference.SlantVersion;
import picocli.CommandLine;

/** The version {@code slant --version} (and every subcommand's {@code --version}) prints. */
public final class SlantVersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"slant " + SlantVersion.version()};
    }
}
