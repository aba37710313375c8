package dev.slant.training;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;

/**
 * Training rows weighed once and laid out as LibLinear's problem, with what Tribuo's {@link MutableDataset} would
 * have made of the same rows: its feature domain (each feature's statistics, observed in row order), its density
 * flag and its provenance. Building a Tribuo dataset of string-named examples and converting it back costs far
 * more than solving; this goes from the {@link FeatureTable}'s arrays to compressed sparse rows directly (three
 * primitive arrays, not LibLinear's object per non-zero; {@link DualCoordinateDescent.Rows}), on several threads,
 * and is shared by every cost of a grid and every target trained on the same rows.
 *
 * <p>Rows whose weighed vector is empty (every n-gram dropped) are left out, as the Tribuo path leaves them out.
 */
final class TrainingMatrix {
    private static final LabelFactory LABELS = new LabelFactory();
    /** Rows per parallel task when weighing and laying out rows. */
    private static final int ROW_CHUNK = 512;

    private final int[] rows;
    private final int filter;
    private final boolean rescale;
    private final int[] kept;
    private final ImmutableFeatureMap featureMap;
    private final int observedFeatures;
    private final boolean dense;
    private final DualCoordinateDescent.Rows problem;

    private TrainingMatrix(int[] rows, int filter, boolean rescale, int[] kept, ImmutableFeatureMap featureMap,
                           int observedFeatures, boolean dense, DualCoordinateDescent.Rows problem) {
        this.rows = rows;
        this.filter = filter;
        this.rescale = rescale;
        this.kept = kept;
        this.featureMap = featureMap;
        this.observedFeatures = observedFeatures;
        this.dense = dense;
        this.problem = problem;
    }

    /**
     * Weighs and lays out rows.
     *
     * @param featurizer the fitted featurizer
     * @param table      the term counts
     * @param rows       the training rows, in training order
     * @param threads    threads, 1 or more
     * @return the matrix
     * @throws InterruptedException     if interrupted
     * @throws IllegalArgumentException if threads is below 1
     */
    static TrainingMatrix of(Featurizer featurizer, FeatureTable table, int[] rows, int threads) throws InterruptedException {
        return of(featurizer, table, rows, threads, null, 1);
    }

    /**
     * Weighs and lays out rows, keeping only some buckets as columns (a model's own n-gram filter): each row is
     * weighed as the featurizer weighs it for scoring, then cut down to the kept buckets and, when the featurizer
     * normalizes, scaled back to unit length ({@link #cut}), as the model's scorer then scores
     * ({@link dev.slant.inference.score.LinearScorer#knownUnitLength()}).
     *
     * @param featurizer the fitted featurizer
     * @param table      the term counts
     * @param rows       the training rows, in training order
     * @param threads    threads, 1 or more
     * @param outlets    the training outlets of each bucket, or null when {@code minOutlets} is at most 1
     * @param minOutlets the least training outlets of a bucket kept as a column (1 or less: every bucket)
     * @return the matrix
     * @throws InterruptedException     if interrupted
     * @throws IllegalArgumentException if threads is below 1
     * @throws NullPointerException     if outlets is null while minOutlets is above 1
     */
    static TrainingMatrix of(Featurizer featurizer, FeatureTable table, int[] rows, int threads,
                             OutletsPerBucket outlets, int minOutlets) throws InterruptedException {
        Objects.requireNonNull(featurizer, "featurizer");
        int filter = Math.max(1, minOutlets);
        java.util.function.IntPredicate columns = filter == 1 ? b -> true
                : Objects.requireNonNull(outlets, "outlets").atLeast(filter);
        // A cut vector is scaled back to unit length when the featurizer normalizes, so that the model sees vectors
        // of the length the featurizer would give them had it kept only these buckets.
        boolean rescale = filter > 1 && featurizer.settings().l2();
        int buckets = featurizer.settings().buckets();
        // The buckets a weighed row can hold: those of the rows' counts whose idf is not 0. Tribuo numbers features
        // in name order, which is bucket order, so their ranks are the feature ids (both checked below).
        boolean[] counted = new boolean[buckets];
        for (int r : rows) {
            for (int b : featurizer.perBucket(table.counts(r)).indices()) {
                counted[b] = true;
            }
        }
        int[] id = new int[buckets];
        Arrays.fill(id, -1);
        int candidates = 0;
        for (int b = 0; b < buckets; b++) {
            if (counted[b] && featurizer.idf(b) != 0.0 && columns.test(b)) {
                id[b] = candidates++;
            }
        }
        int[] present = new int[candidates];
        for (int b = 0; b < buckets; b++) {
            if (id[b] >= 0) {
                present[id[b]] = b;
            }
        }
        // Each row weighed and cut down to its columns' ids at once (LibLinear's column is the feature id; the bias
        // column comes last), so that the weighed vectors die young instead of being kept beside the rows.
        int biasColumn = candidates;
        int[][] rowColumns = new int[rows.length][];
        double[][] rowValues = new double[rows.length][];
        Ranges.run(rows.length, ROW_CHUNK, threads, "weigh", (from, to) -> {
            for (int i = from; i < to; i++) {
                FeatureVector v = featurizer.weigh(table.counts(rows[i]));
                if (filter > 1) {
                    v = cut(v, columns, rescale);
                }
                int[] idx = v.indices();
                if (idx.length == 0) {
                    continue;
                }
                int[] cols = new int[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    if (id[idx[j]] < 0) {
                        throw new IllegalStateException("row " + rows[i] + " has bucket " + idx[j]
                                + ", which is not among the counted buckets with an idf");
                    }
                    cols[j] = id[idx[j]];
                }
                rowColumns[i] = cols;
                rowValues[i] = v.values();
            }
        });
        // The rows MutableDataset would keep, its density flag, and each feature's number of observations.
        int[] kept = new int[rows.length];
        int nKept = 0;
        int[] perFeature = new int[candidates];
        boolean dense = true;
        int seen = 0;
        long nonZeros = 0;
        for (int i = 0; i < rows.length; i++) {
            int[] cols = rowColumns[i];
            if (cols == null) {
                continue;
            }
            kept[nKept++] = i;
            nonZeros += cols.length + 1;
            int before = seen;
            for (int c : cols) {
                if (perFeature[c]++ == 0) {
                    seen++;
                }
            }
            if (before != 0 && (before < seen || cols.length != seen)) {
                dense = false;
            }
        }
        if (seen != candidates) {
            throw new IllegalStateException(candidates + " buckets are counted with an idf but only " + seen
                    + " occur in the weighed rows");
        }
        kept = Arrays.copyOf(kept, nKept);
        // LibLinear's problem as compressed sparse rows: each kept row's columns, then the bias column (value 1).
        int[] start = new int[nKept + 1];
        int[] column = new int[Math.toIntExact(nonZeros)];
        double[] value = new double[column.length];
        for (int k = 0; k < nKept; k++) {
            int[] cols = rowColumns[kept[k]];
            double[] vals = rowValues[kept[k]];
            int at = start[k];
            System.arraycopy(cols, 0, column, at, cols.length);
            System.arraycopy(vals, 0, value, at, vals.length);
            column[at + cols.length] = biasColumn;
            value[at + cols.length] = 1.0;
            start[k + 1] = at + cols.length + 1;
            rowColumns[kept[k]] = null;
            rowValues[kept[k]] = null;
        }
        DualCoordinateDescent.Rows problem = new DualCoordinateDescent.Rows(start, column, value, candidates + 1);
        // Every feature's values in row order, so that each feature's statistics can be observed apart.
        int[] columnStart = new int[candidates + 1];
        for (int c = 0; c < candidates; c++) {
            columnStart[c + 1] = columnStart[c] + perFeature[c];
        }
        double[] columnValues = new double[columnStart[candidates]];
        int[] fill = Arrays.copyOf(columnStart, candidates);
        for (int k = 0; k < nKept; k++) {
            for (int e = start[k]; e < start[k + 1] - 1; e++) {
                columnValues[fill[column[e]]++] = value[e];
            }
        }
        VariableInfo[] infos = new VariableInfo[candidates];
        Ranges.run(candidates, Math.max(1024, candidates / (8 * threads) + 1), threads, "feature-domain", (from, to) -> {
            MutableFeatureMap local = new MutableFeatureMap();
            for (int c = from; c < to; c++) {
                String name = FeatureNames.of(present[c]);
                for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                    local.add(name, columnValues[k]);
                }
                infos[c] = local.get(name);
            }
        });
        ImmutableFeatureMap featureMap = new ImmutableFeatureMap(List.of(infos));
        for (int c = 0; c < candidates; c++) {
            if (featureMap.getID(FeatureNames.of(present[c])) != c) {
                throw new IllegalStateException("Tribuo numbers bucket " + present[c] + " "
                        + featureMap.getID(FeatureNames.of(present[c])) + ", not " + c + " (its rank)");
            }
        }
        return new TrainingMatrix(rows.clone(), filter, rescale, kept, featureMap, candidates, dense, problem);
    }

    /**
     * A vector cut down to some buckets, scaled back to unit length if asked (when anything is left).
     *
     * @param v       a weighed vector
     * @param columns the buckets kept
     * @param rescale whether to scale the rest to unit length
     * @return the cut vector
     */
    static FeatureVector cut(FeatureVector v, java.util.function.IntPredicate columns, boolean rescale) {
        int[] idx = v.indices();
        double[] val = v.values();
        int n = 0;
        double squares = 0;
        for (int j = 0; j < idx.length; j++) {
            if (columns.test(idx[j])) {
                n++;
                squares += val[j] * val[j];
            }
        }
        double scale = rescale && squares > 0 ? 1.0 / Math.sqrt(squares) : 1.0;
        int[] keptIdx = new int[n];
        double[] keptVal = new double[n];
        for (int j = 0, k = 0; j < idx.length; j++) {
            if (columns.test(idx[j])) {
                keptIdx[k] = idx[j];
                keptVal[k++] = val[j] * scale;
            }
        }
        return new FeatureVector(keptIdx, keptVal);
    }

    /** @return whether each row was cut down to the kept buckets and scaled back to unit length */
    boolean unitLengthOverColumns() {
        return rescale;
    }

    /**
     * @param other training rows
     * @return true when this matrix was made of exactly those rows
     */
    boolean isOf(int[] other) {
        return Arrays.equals(rows, other);
    }

    /**
     * @param other training rows
     * @param minOutlets a model's n-gram filter ({@link TrainerSettings#minOutlets()})
     * @return true when this matrix was made of exactly those rows with that filter
     */
    boolean isOf(int[] other, int minOutlets) {
        return Math.max(1, minOutlets) == filter && isOf(other);
    }

    /** @return the least training outlets of the buckets kept as columns (1: every bucket) */
    int filter() {
        return filter;
    }

    /** @return positions, within the rows given, of the rows kept (those with a feature left), increasing */
    int[] kept() {
        return kept.clone();
    }

    /** @return rows left out because the featurizer kept none of their n-grams */
    int featureless() {
        return rows.length - kept.length;
    }

    /**
     * Some of the kept rows, as a matrix of their own with the same columns: for fits on part of the training rows
     * (held-out decision values, {@link HeldOutMargins}). The feature domain stays this matrix's, so the statistics in
     * a sub-model's provenance are those of every row; such models are not written.
     *
     * @param problemRows indices of kept rows (rows of {@link #problem()}), increasing
     * @return the matrix of those rows
     * @throws IllegalArgumentException if an index is out of range or the indices do not increase
     */
    TrainingMatrix subset(int[] problemRows) {
        int[] subRows = new int[problemRows.length];
        int[] start = new int[problemRows.length + 1];
        for (int i = 0; i < problemRows.length; i++) {
            int k = problemRows[i];
            if (k < 0 || k >= kept.length || (i > 0 && k <= problemRows[i - 1])) {
                throw new IllegalArgumentException("row index " + k + " at " + i + " is out of range or out of order");
            }
            subRows[i] = rows[kept[k]];
            start[i + 1] = start[i] + problem.start()[k + 1] - problem.start()[k];
        }
        int[] column = new int[start[problemRows.length]];
        double[] value = new double[column.length];
        for (int i = 0; i < problemRows.length; i++) {
            int from = problem.start()[problemRows[i]];
            System.arraycopy(problem.column(), from, column, start[i], start[i + 1] - start[i]);
            System.arraycopy(problem.value(), from, value, start[i], start[i + 1] - start[i]);
        }
        int[] allKept = new int[problemRows.length];
        Arrays.setAll(allKept, i -> i);
        return new TrainingMatrix(subRows, filter, rescale, allKept, featureMap, observedFeatures, dense,
                new DualCoordinateDescent.Rows(start, column, value, problem.columns()));
    }

    /** @return the feature domain Tribuo would have made of the kept rows */
    ImmutableFeatureMap featureMap() {
        return featureMap;
    }

    /**
     * LibLinear's problem, one row per kept row: Tribuo's feature ids as columns with their values, then the bias
     * column (value 1). Shared, never modified (the solvers only read it).
     *
     * @return the rows
     */
    DualCoordinateDescent.Rows problem() {
        return problem;
    }

    /**
     * The provenance Tribuo's {@link MutableDataset} of the kept rows would report.
     *
     * @param source  the data source's provenance
     * @param outputs the number of distinct labels of the kept rows
     * @return the dataset provenance
     * @throws IllegalStateException if Tribuo's dataset provenance lacks a field this class sets
     */
    DatasetProvenance provenance(DataProvenance source, int outputs) {
        // Tribuo's own provenance of an empty dataset gives the fields and the class name; the counts are ours.
        DatasetProvenance template = new MutableDataset<Label>(source, LABELS).getProvenance();
        Map<String, Provenance> fields = new LinkedHashMap<>();
        for (Pair<String, Provenance> p : template) {
            fields.put(p.getA(), p.getB());
        }
        set(fields, "is-dense", new BooleanProvenance("is-dense", dense));
        set(fields, "num-examples", new IntProvenance("num-examples", kept.length));
        set(fields, "num-features", new IntProvenance("num-features", observedFeatures));
        set(fields, "num-outputs", new IntProvenance("num-outputs", outputs));
        if (!(fields.get(ObjectProvenance.CLASS_NAME) instanceof StringProvenance)
                || !(fields.get("transformations") instanceof ListProvenance<?>)) {
            throw new IllegalStateException("Tribuo's dataset provenance has an unexpected shape: " + fields.keySet());
        }
        return new DatasetProvenance(fields);
    }

    private static void set(Map<String, Provenance> fields, String key, Provenance value) {
        if (fields.put(key, value) == null) {
            throw new IllegalStateException("Tribuo's dataset provenance has no field '" + key + "': " + fields.keySet());
        }
    }
}
