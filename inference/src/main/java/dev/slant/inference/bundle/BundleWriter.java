package dev.slant.inference.bundle;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.slant.datasets.io.AtomicOutput;
import dev.slant.inference.SlantVersion;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LibLinearWeightCompaction;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.ScorerCodec;
import dev.slant.inference.score.StreamedLibLinearScorer;
import dev.slant.inference.score.TribuoLinearScorers;
import dev.slant.inference.score.WeightPrecision;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Writes a bundle. Every model is turned into its fast scorer while writing, one target at a time, as loading
 * will do it; a model the scorer cannot read fails the write (so a bundle that could not be loaded is never
 * written). A LibLinear model's weights are stored once, in its Tribuo model entry, rounded to float (a relative
 * change of at most 2^-24: the stored model's predictions equal the trained model's to about 1e-7); other models
 * are stored as trained and also get a scorer entry. The file is written through {@link AtomicOutput}: to a
 * temporary file in the same folder, renamed over the target only once complete: a failed write leaves no file
 * behind. Entries come in a fixed order with a fixed time ({@link BundleFormat#ENTRY_TIME}), so the same content gives the same
 * bytes, except for the manifest's {@code created} time, which comes from the writer's clock.
 */
public final class BundleWriter {
    /** Provenance keys that say nothing about how a model was trained. */
    private static final java.util.Set<String> IGNORED = java.util.Set.of(ObjectProvenance.CLASS_NAME, "host-short-name");

    private final Clock clock;

    /** A writer stamping bundles with the current time. */
    public BundleWriter() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the clock of the manifest's {@code created} time (a fixed clock makes whole files repeatable)
     */
    public BundleWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes a bundle.
     *
     * @param file     the bundle file, normally ending in {@link BundleFormat#EXTENSION}; replaced if it exists
     * @param contents what to write
     * @return the manifest written
     * @throws BundleException naming the file, if a model cannot be scored by {@link LinearScorer} or the file
     *                         cannot be written (nothing is left behind then)
     */
    public Manifest write(Path file, BundleContents contents) throws BundleException {
        Featurizer featurizer = contents.featurizer();
        List<ManifestTarget> targets = new ArrayList<>();
        // The shared output: whole or nothing, a link followed and kept, a device written through, the temporary
        // file deleted on SIGTERM and cleaned when a killed run left it (see AtomicOutput).
        try (AtomicOutput output = AtomicOutput.openUncompressed(file)) {
            Manifest manifest;
            try (ZipOutputStream zip = new ZipOutputStream(output.stream())) {
                // Deflate's fastest level: on article-bias's topic model (250 MB of float-valued doubles) it takes
                // 2.9 s instead of 19.5 s at the default level, for a file 6% larger (134 instead of 127 MB).
                zip.setLevel(Deflater.BEST_SPEED);
                Map<String, String> sha = new TreeMap<>();
                sha.put(BundleFormat.MODEL_CARD, entry(zip, BundleFormat.MODEL_CARD,
                        out -> out.write(contents.modelCard().getBytes(StandardCharsets.UTF_8))));
                sha.put(BundleFormat.SCRUBBER, entry(zip, BundleFormat.SCRUBBER,
                        out -> out.write(BundleJson.write(BundleContents.scrubRules(featurizer)))));
                if (featurizer.settings().idf()) {
                    sha.put(BundleFormat.IDF, entry(zip, BundleFormat.IDF, out -> out.write(IdfCodec.encode(featurizer.idf()))));
                }
                // One target at a time, so that only one model's protobuf and scorer are in memory at once.
                for (Map.Entry<String, Model<Label>> e : contents.models().entrySet()) {
                    // LibLinear weights rounded to float: deflate stores them in about 40% fewer bytes (see LibLinearWeightCompaction).
                    ModelProto proto = LibLinearWeightCompaction.compact(CompactDomains.serialize(e.getValue()), 1.0);
                    boolean libLinear = StreamedLibLinearScorer.reads(proto.getClassName());
                    // Weights that are floats already are scored as floats: exact, half the heap and memory traffic;
                    // bfloat16 ones (as Slant's trainer makes them) as bfloat16, exact too, half that again, unless
                    // pruning left so few that the scorer keeps only the non-zero ones (LinearScorer.SPARSE_AT_MOST).
                    WeightPrecision precision = libLinear ? WeightPrecision.FLOAT : contents.precision();
                    LinearScorer scorer;
                    try {
                        // A LibLinear model is checked the way loading reads it: streamed from its protobuf bytes.
                        scorer = libLinear
                                ? StreamedLibLinearScorer.read(proto.toByteString().newInput(), featurizer.settings().buckets(), precision)
                                : TribuoLinearScorers.fromProto(proto, featurizer.settings().buckets()).withPrecision(precision);
                        if (libLinear && !scorer.sparse() && scorer.fitsIn(WeightPrecision.BFLOAT16)) {
                            precision = WeightPrecision.BFLOAT16;
                            scorer = scorer.withPrecision(precision);
                        }
                    } catch (IllegalArgumentException | IOException ex) {
                        throw new BundleException(file, "cannot write: model of target " + e.getKey() + ": " + ex.getMessage(), ex);
                    }
                    TrainerProvenance trainer = e.getValue().getProvenance().getTrainerProvenance();
                    targets.add(new ManifestTarget(e.getKey(), scorer.labels(), proto.getClassName(), trainer.getClassName(),
                            settings(trainer), precision, contents.knownUnitLength().contains(e.getKey())));
                    String modelName = BundleFormat.modelEntry(e.getKey());
                    sha.put(modelName, entry(zip, modelName, proto::writeTo));
                    if (BundleFormat.hasScorerEntry(BundleFormat.FORMAT_VERSION, proto.getClassName())) {
                        // LibLinear models are streamed into a scorer at load; the others keep theirs.
                        String scorerName = BundleFormat.scorerEntry(e.getKey());
                        LinearScorer kept = scorer;
                        sha.put(scorerName, entry(zip, scorerName, out -> ScorerCodec.write(kept, out)));
                    }
                }
                for (Map.Entry<String, Model<Label>> e : contents.models().entrySet()) {
                    String name = BundleFormat.provenanceEntry(e.getKey());
                    String json = new JsonProvenanceSerialization(true)
                            .serializeToString(ProvenanceUtil.marshalProvenance(e.getValue().getProvenance()));
                    sha.put(name, entry(zip, name, out -> out.write((json + "\n").getBytes(StandardCharsets.UTF_8))));
                }
                manifest = new Manifest(BundleFormat.FORMAT_VERSION, SlantVersion.version(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), targets, featurizer.settings(),
                        contents.seed(), contents.trainingDataSha256(), contents.rowsUsed(), contents.rowsRejected(),
                        contents.metrics(), sha);
                Manifest written = manifest;
                entry(zip, BundleFormat.MANIFEST, out -> out.write(BundleJson.write(written)));
            }
            output.commit();
            return manifest;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "cannot write bundle: " + e, e);
        }
    }

    /** A trainer's configured parameters, each as a short string. */
    private static Map<String, String> settings(TrainerProvenance trainer) {
        Map<String, String> m = new TreeMap<>();
        for (Pair<String, Provenance> p : trainer) {
            if (!IGNORED.contains(p.getA())) {
                m.put(p.getA(), describe(p.getB()));
            }
        }
        return m;
    }

    /** A value as text; a nested object as {@code SimpleClassName(key=value, ...)}. */
    private static String describe(Provenance v) {
        if (v instanceof PrimitiveProvenance<?> pp) {
            return String.valueOf(pp.getValue());
        }
        if (v instanceof ObjectProvenance op) {
            StringBuilder sb = new StringBuilder(op.getClassName().substring(op.getClassName().lastIndexOf('.') + 1)).append('(');
            String sep = "";
            for (Pair<String, Provenance> p : op) {
                if (!IGNORED.contains(p.getA())) {
                    sb.append(sep).append(p.getA()).append('=').append(describe(p.getB()));
                    sep = ", ";
                }
            }
            return sb.append(')').toString();
        }
        return v.toString();
    }

    @FunctionalInterface
    private interface EntryBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes one entry and returns its SHA-256. */
    private static String entry(ZipOutputStream zip, String name, EntryBody body) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(BundleFormat.ENTRY_TIME);
        zip.putNextEntry(entry);
        MessageDigest digest = sha256();
        OutputStream unclosable = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (DigestOutputStream out = new DigestOutputStream(unclosable, digest)) {
            body.writeTo(out);
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return a SHA-256 digest */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
