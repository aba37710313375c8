package dev.slant.inference.bundle;

import java.time.LocalDateTime;
import java.util.regex.Pattern;

/** The constants of the bundle format: its version, entry names and fixed zip settings. */
public final class BundleFormat {
    /**
     * The format this build writes: major.minor. A reader reads every minor version of its major versions. Format 2
     * stores a LibLinear model's weights once, in its Tribuo model entry (format 1 also had them in a scorer entry);
     * 2.1 adds each target's {@code knownUnitLength} (false when absent) and the precision {@code BFLOAT16}, for
     * LibLinear weights that are all bfloat16 values (Slant's trainer rounds them so); 2.2 adds the featurizer's
     * {@code titleWeight} (0, one norm over title and body, when absent) and raw character n-grams (none when absent).
     */
    public static final String FORMAT_VERSION = "2.2";
    /** The newest major format version this build reads. */
    public static final int READ_MAJOR = 2;
    /** The oldest major format version this build reads (format 1 bundles carry every scorer in its own entry). */
    public static final int OLDEST_READ_MAJOR = 1;
    /** The file name extension of bundles. */
    public static final String EXTENSION = ".slant";
    /** The manifest entry. */
    public static final String MANIFEST = "manifest.json";
    /** The model card entry (Markdown the trainer supplies). */
    public static final String MODEL_CARD = "MODEL_CARD.md";
    /** The scrubber's rules (JSON). */
    public static final String SCRUBBER = "scrubber.json";
    /** The featurizer's fitted idf values, present when the settings use idf (see {@link IdfCodec}). */
    public static final String IDF = "featurizer/idf.bin";
    /** Target names: they name entries, so letters, digits, '_' and '-' only. */
    public static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** The modification time of every zip entry, so that the same content gives the same bytes. */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private BundleFormat() {
    }

    /**
     * @param target a target name
     * @return the entry of its Tribuo model (protobuf)
     */
    public static String modelEntry(String target) {
        return "models/" + target + ".pb";
    }

    /**
     * @param target a target name
     * @return the entry of its fast scorer's arrays ({@link dev.slant.inference.score.ScorerCodec}), which loading
     *         reads; absent for LibLinear models, whose scorer is read from the model entry
     */
    public static String scorerEntry(String target) {
        return "scorers/" + target + ".bin";
    }

    /**
     * Whether a bundle of a format holds a scorer entry for a target with this model type: format 1 always did;
     * from format 2 a LibLinear model's scorer is read from its model entry instead.
     *
     * @param formatVersion the bundle's format version, "major.minor"
     * @param modelType     the target's Tribuo model class
     * @return whether {@link #scorerEntry} is part of the bundle
     * @throws IllegalArgumentException if the format version is not "major.minor"
     */
    public static boolean hasScorerEntry(String formatVersion, String modelType) {
        return major(formatVersion) < 2 || !dev.slant.inference.score.StreamedLibLinearScorer.reads(modelType);
    }

    /**
     * @param target a target name
     * @return the entry of its Tribuo provenance (JSON)
     */
    public static String provenanceEntry(String target) {
        return "provenance/" + target + ".json";
    }

    /**
     * The major part of a format version.
     *
     * @param version "major.minor"
     * @return the major version
     * @throws IllegalArgumentException if the version is not "major.minor"
     */
    public static int major(String version) {
        if (version == null || !version.matches("\\d{1,6}\\.\\d{1,6}")) {
            throw new IllegalArgumentException("format version must be 'major.minor', got '" + version + "'");
        }
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }
}
