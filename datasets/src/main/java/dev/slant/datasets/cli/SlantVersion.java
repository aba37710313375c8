package dev.slant.datasets.cli;

import picocli.CommandLine;

/** The version {@code slant --version} prints, from the jar's manifest. */
public final class SlantVersion implements CommandLine.IVersionProvider {
    /** @return this build's version, "dev" when run from classes */
    public static String version() {
        String v = SlantVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"slant " + version()};
    }
}
