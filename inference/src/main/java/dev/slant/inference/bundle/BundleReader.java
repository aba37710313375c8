package dev.slant.inference.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.slant.datasets.scrub.ScrubRules;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.ScorerCodec;
import dev.slant.inference.score.StreamedLibLinearScorer;
import dev.slant.inference.score.TribuoModelHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * Reads a bundle and checks all of it before use: the format version (a newer major version is refused with
 * both versions named), the manifest, that the zip holds exactly the manifest's entries, every entry's
 * SHA-256, the featurizer's settings and fitted values, that each Tribuo model's class and labels equal the
 * manifest's, and each fast scorer's. Loading never builds the Tribuo models: a LibLinear model's scorer is
 * streamed out of its protobuf entry, other models' scorers come from their own entries, so its heap is about the
 * scorers' arrays. Format 1 bundles (which held every scorer in its own entry) still load. Every problem is a
 * {@link BundleException} naming the file and what is wrong with it.
 */
public final class BundleReader {
    /** One of the featurizer settings that format 2.2 added. */
    private static final String TITLE_WEIGHT = "titleWeight";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private BundleReader() {
    }

    /**
     * Reads and checks a whole bundle, building one {@link LinearScorer} per target.
     *
     * @param file the bundle file
     * @return the bundle
     * @throws BundleException if the file is missing, not a Slant bundle, of a newer format, truncated or corrupt,
     *                         or inconsistent with its manifest
     */
    public static LoadedBundle read(Path file) throws BundleException {
        try (ZipFile zip = open(file)) {
            Manifest manifest = manifest(file, zip);
            checkEntryNames(file, zip, manifest);
            String card = new String(verified(file, zip, manifest, BundleFormat.MODEL_CARD), StandardCharsets.UTF_8);
            Featurizer featurizer = featurizer(file, zip, manifest);
            Map<String, LinearScorer> scorers = new LinkedHashMap<>();
            for (ManifestTarget t : manifest.targets()) {
                scorers.put(t.name(), scorer(file, zip, manifest, t));
            }
            Map<String, String> provenance = new LinkedHashMap<>();
            for (ManifestTarget t : manifest.targets()) {
                String name = BundleFormat.provenanceEntry(t.name());
                provenance.put(t.name(), new String(verified(file, zip, manifest, name), StandardCharsets.UTF_8));
            }
            return new LoadedBundle(file, manifest, featurizer, scorers, card, provenance);
        } catch (IOException e) {
            throw new BundleException(file, "cannot read: " + e, e);
        }
    }

    /**
     * Reads and checks a bundle's manifest only (format version and fields, not the entries' hashes).
     *
     * @param file the bundle file
     * @return the manifest
     * @throws BundleException if the file is missing, not a Slant bundle, of a newer format or its manifest is invalid
     */
    public static Manifest readManifest(Path file) throws BundleException {
        try (ZipFile zip = open(file)) {
            return manifest(file, zip);
        } catch (IOException e) {
            throw new BundleException(file, "cannot read: " + e, e);
        }
    }

    /**
     * Reads one target's Tribuo model, for evaluation or explanations, after checking its SHA-256. This runs
     * Tribuo's own deserializer, which for LibLinear models includes Java deserialization: read only bundles you
     * trust this way ({@link #read} never does).
     *
     * @param file   the bundle file
     * @param target the target
     * @return the model
     * @throws BundleException if the bundle has no such target or the model cannot be read
     */
    public static Model<Label> readModel(Path file, String target) throws BundleException {
        try (ZipFile zip = open(file)) {
            Manifest manifest = manifest(file, zip);
            if (!manifest.targetNames().contains(target)) {
                throw new BundleException(file, "no target '" + target + "'; the bundle has " + manifest.targetNames());
            }
            String name = BundleFormat.modelEntry(target);
            ModelProto proto = verifiedProto(file, zip, manifest, name);
            Model<?> model = Model.deserialize(proto);
            if (!model.validate(Label.class)) {
                throw new BundleException(file, name + " is not a classification model");
            }
            @SuppressWarnings("unchecked") // checked by validate
            Model<Label> labelModel = (Model<Label>) model;
            return labelModel;
        } catch (IOException e) {
            throw new BundleException(file, "cannot read: " + e, e);
        } catch (RuntimeException e) {
            throw new BundleException(file, BundleFormat.modelEntry(target) + " cannot be deserialized by Tribuo: " + e, e);
        }
    }

    private static ZipFile open(Path file) throws BundleException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, "no such file", e);
        } catch (IOException e) {
            throw new BundleException(file, "cannot read: " + e, e);
        }
        if (!java.util.Arrays.equals(head, ZIP_MAGIC) && !java.util.Arrays.equals(head, EMPTY_ZIP_MAGIC)) {
            throw new BundleException(file, "not a Slant bundle: not a zip file");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BundleException(file, "truncated or damaged zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BundleException(file, "cannot read: " + e, e);
        }
    }

    private static Manifest manifest(Path file, ZipFile zip) throws BundleException {
        ZipEntry entry = zip.getEntry(BundleFormat.MANIFEST);
        if (entry == null) {
            throw new BundleException(file, "not a Slant bundle: no " + BundleFormat.MANIFEST);
        }
        JsonNode tree;
        try {
            tree = BundleJson.MAPPER.readTree(bytes(file, zip, entry));
        } catch (JsonProcessingException e) {
            throw new BundleException(file, BundleFormat.MANIFEST + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleException(file, "cannot read " + BundleFormat.MANIFEST + ": " + e, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BundleException(file, BundleFormat.MANIFEST + " is not a JSON object");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isTextual()) {
            throw new BundleException(file, BundleFormat.MANIFEST + " has no formatVersion");
        }
        int major;
        try {
            major = BundleFormat.major(version.asText());
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, BundleFormat.MANIFEST + ": " + e.getMessage(), e);
        }
        if (major < BundleFormat.OLDEST_READ_MAJOR) {
            throw new BundleException(file, "bundle format " + version.asText() + " is older than this build of Slant reads (formats "
                    + BundleFormat.OLDEST_READ_MAJOR + ".x to " + BundleFormat.READ_MAJOR + ".x); retrain it with slant train");
        }
        if (major > BundleFormat.READ_MAJOR) {
            throw new BundleException(file, "bundle format " + version.asText() + " is newer than this build of Slant reads (formats "
                    + BundleFormat.OLDEST_READ_MAJOR + ".x to " + BundleFormat.READ_MAJOR + ".x); use a newer Slant");
        }
        // Formats before 2.2 lack the featurizer's titleWeight and raw character n-grams: their title and body shared
        // one norm, and they had no such n-grams.
        if (tree.get("featurizer") instanceof com.fasterxml.jackson.databind.node.ObjectNode f && !f.has(TITLE_WEIGHT)) {
            f.put(TITLE_WEIGHT, 0.0);
            f.put("rawCharMinN", 0);
            f.put("rawCharMaxN", 0);
        }
        // Format 2.0 targets lack knownUnitLength: their models saw the featurizer's vectors as they are.
        JsonNode targets = tree.get("targets");
        if (targets != null && targets.isArray()) {
            for (JsonNode t : targets) {
                if (t instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has(ManifestTarget.KNOWN_UNIT_LENGTH)) {
                    o.put(ManifestTarget.KNOWN_UNIT_LENGTH, false);
                }
            }
        }
        try {
            return BundleJson.MAPPER.treeToValue(tree, Manifest.class);
        } catch (JsonMappingException e) {
            throw new BundleException(file, "invalid " + BundleFormat.MANIFEST + at(e) + ": " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new BundleException(file, "invalid " + BundleFormat.MANIFEST + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON path of a mapping error, such as " at featurizer" or " at targets[0].labels". */
    private static String at(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "" : " at " + sb;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JsonProcessingException j) {
            return j.getOriginalMessage();
        }
        return t.getMessage();
    }

    private static void checkEntryNames(Path file, ZipFile zip, Manifest manifest) throws BundleException {
        TreeSet<String> inZip = new TreeSet<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!name.equals(BundleFormat.MANIFEST) && !inZip.add(name)) {
                throw new BundleException(file, "entry " + name + " appears twice");
            }
        }
        for (String name : manifest.entries().keySet()) {
            if (!inZip.contains(name)) {
                throw new BundleException(file, "entry " + name + " is missing (the manifest lists it)");
            }
        }
        for (String name : inZip) {
            if (!manifest.entries().containsKey(name)) {
                throw new BundleException(file, "entry " + name + " is not listed in the manifest");
            }
        }
    }

    private static Featurizer featurizer(Path file, ZipFile zip, Manifest manifest) throws BundleException {
        FeaturizerSettings settings = manifest.featurizer();
        ScrubRules rules;
        try {
            rules = BundleJson.MAPPER.readValue(verified(file, zip, manifest, BundleFormat.SCRUBBER), ScrubRules.class);
        } catch (IOException e) {
            throw new BundleException(file, BundleFormat.SCRUBBER + " is invalid: " + rootMessage(e), e);
        }
        double[] idf = null;
        if (settings.idf()) {
            try {
                idf = IdfCodec.decode(verified(file, zip, manifest, BundleFormat.IDF), settings.buckets());
            } catch (IllegalArgumentException e) {
                throw new BundleException(file, BundleFormat.IDF + " is invalid: " + e.getMessage(), e);
            }
        }
        return Featurizer.fitted(settings, idf, Scrubber.of(rules));
    }

    /**
     * A target's scorer. A LibLinear model's scorer is built from its Tribuo model entry in one streamed pass
     * ({@link StreamedLibLinearScorer}); other model types (and every model of a format 1 bundle) have their
     * scorer in its own entry, and only the model's class and labels are read ({@link TribuoModelHeader}).
     * Nothing is used unless its entry's SHA-256 matches.
     */
    private static LinearScorer scorer(Path file, ZipFile zip, Manifest manifest, ManifestTarget target) throws BundleException {
        String modelName = BundleFormat.modelEntry(target.name());
        String scorerName = BundleFormat.scorerEntry(target.name());
        if (!manifest.entries().containsKey(scorerName)) {
            if (!StreamedLibLinearScorer.reads(target.modelType())) {
                throw new BundleException(file, "entry " + scorerName + " is missing: a " + target.modelType()
                        + " needs its scorer entry (only LibLinear models are scored from their model entry)");
            }
            LinearScorer scorer = streamed(file, zip, manifest, modelName, in -> {
                try {
                    return StreamedLibLinearScorer.read(in, manifest.featurizer().buckets(), target.precision());
                } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                    throw new BundleException(file, modelName + " is not a LibLinear classification model Slant can score: " + e.getMessage(), e);
                }
            });
            if (!scorer.labels().equals(target.labels())) {
                throw new BundleException(file, modelName + " has labels " + scorer.labels() + ", the manifest says " + target.labels());
            }
            return scorer.withKnownUnitLength(target.knownUnitLength());
        }
        TribuoModelHeader header = streamed(file, zip, manifest, modelName, in -> {
            try {
                return TribuoModelHeader.read(in);
            } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                throw new BundleException(file, modelName + " is not a Tribuo classification model protobuf: " + e.getMessage(), e);
            }
        });
        if (!header.className().equals(target.modelType())) {
            throw new BundleException(file, modelName + " holds a " + header.className() + ", the manifest says " + target.modelType());
        }
        if (!header.labels().equals(target.labels())) {
            throw new BundleException(file, modelName + " has labels " + header.labels() + ", the manifest says " + target.labels());
        }
        LinearScorer scorer = streamed(file, zip, manifest, scorerName, in -> {
            try {
                return ScorerCodec.read(in, manifest.featurizer().buckets());
            } catch (IllegalArgumentException e) {
                throw new BundleException(file, scorerName + " is invalid: " + e.getMessage(), e);
            }
        });
        if (!scorer.labels().equals(target.labels()) || !scorer.modelType().equals(target.modelType())
                || scorer.precision() != target.precision()) {
            throw new BundleException(file, scorerName + " is a " + scorer + " with labels " + scorer.labels()
                    + ", the manifest says " + target.modelType() + ", " + target.precision() + ", labels " + target.labels());
        }
        return scorer.withKnownUnitLength(target.knownUnitLength());
    }

    @FunctionalInterface
    private interface StreamReader<T> {
        T read(InputStream in) throws IOException, BundleException;
    }

    /**
     * Reads an entry as a stream, hashing every byte (the rest is drained after the reader is done); the result
     * is returned only if the SHA-256 matches. A reader's own error about the content counts only when the
     * bytes are intact: otherwise the corruption is reported.
     */
    private static <T> T streamed(Path file, ZipFile zip, Manifest manifest, String name, StreamReader<T> reader) throws BundleException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BundleException(file, "entry " + name + " is missing (the manifest lists it)");
        }
        MessageDigest digest = BundleWriter.sha256();
        T result;
        try (DigestInputStream in = new HashingSkips(zip.getInputStream(entry), digest)) {
            try {
                result = reader.read(in);
            } catch (BundleException | IOException e) {
                in.transferTo(OutputStream.nullOutputStream());
                checkDigest(file, manifest, name, digest);
                throw e;
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BundleException(file, "entry " + name + " cannot be read (corrupt or truncated): " + e.getMessage(), e);
        }
        checkDigest(file, manifest, name, digest);
        return result;
    }

    /** A whole Tribuo model entry, parsed from the zip stream while hashing it. */
    private static ModelProto verifiedProto(Path file, ZipFile zip, Manifest manifest, String name) throws BundleException {
        return streamed(file, zip, manifest, name, in -> {
            try {
                return ModelProto.parseFrom(in);
            } catch (InvalidProtocolBufferException e) {
                throw new BundleException(file, name + " is not a Tribuo model protobuf: " + e.getMessage(), e);
            }
        });
    }

    /** A digesting stream whose {@code skip} reads (and so hashes) the bytes it skips, as protobuf skips fields. */
    private static final class HashingSkips extends DigestInputStream {
        HashingSkips(InputStream in, MessageDigest digest) {
            super(new java.io.BufferedInputStream(in, 1 << 16), digest);
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }
    }

    private static void checkDigest(Path file, Manifest manifest, String name, MessageDigest digest) throws BundleException {
        String actual = HexFormat.of().formatHex(digest.digest());
        String expected = manifest.entries().get(name);
        if (!actual.equals(expected)) {
            throw new BundleException(file, "entry " + name + " is corrupt: its SHA-256 is " + actual + ", the manifest says " + expected);
        }
    }

    /** An entry's bytes, after checking them against the manifest's SHA-256. */
    private static byte[] verified(Path file, ZipFile zip, Manifest manifest, String name) throws BundleException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BundleException(file, "entry " + name + " is missing (the manifest lists it)");
        }
        byte[] data = bytes(file, zip, entry);
        MessageDigest digest = BundleWriter.sha256();
        digest.update(data);
        checkDigest(file, manifest, name, digest);
        return data;
    }

    private static byte[] bytes(Path file, ZipFile zip, ZipEntry entry) throws BundleException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BundleException(file, "entry " + entry.getName() + " cannot be read (corrupt or truncated): " + e.getMessage(), e);
        }
    }
}
