package dev.slant.datasets.split;

import java.util.Locale;

/** The parts of a split. */
public enum Part {
    TRAIN, VALID, TEST;

    /**
     * Parses "train", "valid"/"validation"/"dev" or "test".
     *
     * @param name the part's name, any case
     * @return the part
     * @throws IllegalArgumentException for any other name
     */
    public static Part parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "train": return TRAIN;
            case "valid": case "validation": case "dev": return VALID;
            case "test": return TEST;
            default: throw new IllegalArgumentException("unknown split part '" + name + "' (train, valid, test)");
        }
    }

    /** @return the part's name as used in files and on the command line */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
