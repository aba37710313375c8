package dev.slant.training;

import de.bwaldvogel.liblinear.FeatureNode;
import java.util.Random;

/**
 * LibLinear's dual coordinate descent for an L2-regularized linear SVM (Hsieh et al., ICML 2008; liblinear-java 2.44,
 * {@code Linear.solve_l2r_l1l2_svc}) over rows held in three primitive arrays instead of an object per non-zero.
 * Every operation is LibLinear's, in LibLinear's order, with the same random draws, so it finds the same weights
 * bit for bit (a test compares them); it only reads memory faster, since a row's values lie side by side.
 *
 * <p>Stateless; {@link Rows} are only read, so any number of problems may be solved over the same rows at once.
 */
final class DualCoordinateDescent {
    /** Below this, a projected gradient counts as 0 (LibLinear's constant). */
    private static final double TINY = 1.0e-12;
    /** The most passes LibLinear's {@code train_one} allows its dual solvers, whatever {@code Parameter.max_iters}. */
    static final int LIBLINEAR_MAX_PASSES = 300;

    private DualCoordinateDescent() {
    }

    /**
     * Rows in compressed sparse row form, columns from 0 (LibLinear's feature index - 1).
     *
     * @param start   where each row begins in {@code column} and {@code value}; one more entry than rows
     * @param column  the column of each non-zero, in row order
     * @param value   its value
     * @param columns the number of columns (LibLinear's {@code Problem.n}, the bias column included)
     */
    record Rows(int[] start, int[] column, double[] value, int columns) {
        Rows {
            if (start.length == 0 || start[0] != 0 || start[start.length - 1] != column.length
                    || column.length != value.length) {
                throw new IllegalArgumentException("row starts do not match " + column.length + " non-zeros");
            }
        }

        /** @return the number of rows */
        int size() {
            return start.length - 1;
        }

        /**
         * LibLinear's own layout of these rows, for its other solvers (an object per non-zero).
         *
         * @return the rows, feature indices from 1
         */
        FeatureNode[][] toNodes() {
            FeatureNode[][] x = new FeatureNode[size()][];
            for (int i = 0; i < x.length; i++) {
                FeatureNode[] row = new FeatureNode[start[i + 1] - start[i]];
                for (int k = start[i]; k < start[i + 1]; k++) {
                    row[k - start[i]] = new FeatureNode(column[k] + 1, value[k]);
                }
                x[i] = row;
            }
            return x;
        }

        /**
         * Lays out LibLinear's rows.
         *
         * @param x       LibLinear's rows (feature indices from 1)
         * @param columns LibLinear's {@code Problem.n}
         * @return the same rows
         */
        static Rows of(FeatureNode[][] x, int columns) {
            int[] start = new int[x.length + 1];
            for (int i = 0; i < x.length; i++) {
                start[i + 1] = Math.addExact(start[i], x[i].length);
            }
            int[] column = new int[start[x.length]];
            double[] value = new double[start[x.length]];
            for (int i = 0; i < x.length; i++) {
                int k = start[i];
                for (FeatureNode f : x[i]) {
                    if (f.index < 1 || f.index > columns) {
                        throw new IllegalArgumentException("row " + i + " has feature index " + f.index
                                + ", outside 1.." + columns);
                    }
                    column[k] = f.index - 1;
                    value[k++] = f.value;
                }
            }
            return new Rows(start, column, value, columns);
        }
    }

    /**
     * Solves one binary problem as LibLinear's {@code train} lays it out for two classes: the rows of the positive
     * class first, then the others, each in row order.
     *
     * @param rows     every row
     * @param y        each row's class
     * @param positive the positive class (the others are negatives)
     * @param cp       the positives' cost (C times their class weight)
     * @param cn       the negatives' cost
     * @param l1Loss   true for the L1 (hinge) loss, false for the L2 (squared hinge) loss
     * @param eps      the stopping tolerance
     * @param maxIter  the most passes ({@link #LIBLINEAR_MAX_PASSES} to solve as LibLinear does)
     * @param random   LibLinear's source of the shuffles (the problem's {@code Parameter.random})
     * @return the weights, or null when {@code maxIter} passes did not converge (LibLinear then turns to another
     *         solver for the L2 loss)
     * @throws IllegalArgumentException if y does not have one class per row
     */
    static double[] solve(Rows rows, double[] y, double positive, double cp, double cn, boolean l1Loss, double eps,
                          int maxIter, Random random) {
        if (y.length != rows.size()) {
            throw new IllegalArgumentException(y.length + " classes for " + rows.size() + " rows");
        }
        int[] order = new int[y.length];
        int positives = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == positive) {
                order[positives++] = i;
            }
        }
        for (int i = 0, k = positives; i < y.length; i++) {
            if (y[i] != positive) {
                order[k++] = i;
            }
        }
        return solve(rows, order, positives, cp, cn, l1Loss, eps, maxIter, random);
    }

    /**
     * Solves one binary problem whose rows are given in LibLinear's order.
     *
     * @param rows     every row
     * @param order    the rows of the problem, in LibLinear's order (positives first)
     * @param positive how many of {@code order} are positives
     * @param cp       the positives' cost (C times their class weight)
     * @param cn       the negatives' cost
     * @param l1Loss   true for the L1 (hinge) loss, false for the L2 (squared hinge) loss
     * @param eps      the stopping tolerance
     * @param maxIter  the most passes ({@link #LIBLINEAR_MAX_PASSES} to solve as LibLinear does)
     * @param random   LibLinear's source of the shuffles (the problem's {@code Parameter.random})
     * @return the weights, or null when {@code maxIter} passes did not converge (LibLinear then turns to another
     *         solver for the L2 loss)
     */
    private static double[] solve(Rows rows, int[] order, int positive, double cp, double cn, boolean l1Loss, double eps,
                          int maxIter, Random random) {
        int l = order.length;
        int[] start = rows.start();
        int[] column = rows.column();
        double[] value = rows.value();
        double[] w = new double[rows.columns()];
        double[] qd = new double[l];
        int[] index = new int[l];
        double[] alpha = new double[l];
        // LibLinear indexes both tables by y + 1: 0 for a negative, 2 for a positive.
        double[] diag = l1Loss ? new double[] {0, 0, 0} : new double[] {0.5 / cn, 0, 0.5 / cp};
        double[] upper = l1Loss ? new double[] {cn, 0, cp}
                : new double[] {Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
        for (int i = 0; i < l; i++) {
            int yi = i < positive ? 1 : -1;
            qd[i] = diag[yi + 1];
            int r = order[i];
            double squares = 0;
            for (int k = start[r]; k < start[r + 1]; k++) {
                squares += value[k] * value[k];
            }
            qd[i] += squares;
            // alpha starts at 0, so LibLinear's first axpy adds 0 * x to w: nothing, and w stays 0.
            index[i] = i;
        }
        int activeSize = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        int iter = 0;
        while (iter < maxIter) {
            double pgMaxNew = Double.NEGATIVE_INFINITY;
            double pgMinNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < activeSize; i++) {
                swap(index, i, i + random.nextInt(activeSize - i));
            }
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                int yi = i < positive ? 1 : -1;
                int r = order[i];
                int from = start[r];
                int to = start[r + 1];
                double dot = 0;
                for (int k = from; k < to; k++) {
                    dot += w[column[k]] * value[k];
                }
                double g = yi * dot - 1;
                double c = upper[yi + 1];
                g += alpha[i] * diag[yi + 1];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        activeSize--;
                        swap(index, s, activeSize);
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else if (alpha[i] == c) {
                    if (g < pgMinOld) {
                        activeSize--;
                        swap(index, s, activeSize);
                        s--;
                        continue;
                    } else if (g > 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMaxNew = Math.max(pgMaxNew, pg);
                pgMinNew = Math.min(pgMinNew, pg);
                if (Math.abs(pg) > TINY) {
                    double alphaOld = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - g / qd[i], 0.0), c);
                    double d = (alpha[i] - alphaOld) * yi;
                    for (int k = from; k < to; k++) {
                        w[column[k]] += d * value[k];
                    }
                }
            }
            iter++;
            if (pgMaxNew - pgMinNew <= eps && Math.abs(pgMaxNew) <= eps && Math.abs(pgMinNew) <= eps) {
                if (activeSize == l) {
                    break;
                }
                activeSize = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew;
            pgMinOld = pgMinNew;
            if (pgMaxOld <= 0) {
                pgMaxOld = Double.POSITIVE_INFINITY;
            }
            if (pgMinOld >= 0) {
                pgMinOld = Double.NEGATIVE_INFINITY;
            }
        }
        return iter >= maxIter && !l1Loss ? null : w;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
