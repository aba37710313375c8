package dev.slant.inference;

/** The version of this Slant build, as its jar's manifest records it (bundles carry it in their manifest). */
public final class SlantVersion {
    private SlantVersion() {
    }

    /** @return this build's version, "dev" when run from classes */
    public static String version() {
        String v = SlantVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
