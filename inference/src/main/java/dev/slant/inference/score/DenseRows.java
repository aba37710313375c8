package dev.slant.inference.score;

/**
 * Adds rows of a dense bfloat16 weight matrix (LibLinear models' default), each times its feature's value, to
 * decision values, eight rows at a time: each label's sum takes the eight rows' products in one statement, so that
 * the eight rows' cache misses are waited on together rather than one row after another. A 108-label model's rows
 * (216 bytes of bfloat16 each) are read at random from megabytes of weights, so a row at a time waited on memory for
 * most of its time: 8 rows at a time took 46 against 76 to 87 us per 700 rows of a 24 MB matrix (4 rows 52 to 56, 2
 * rows 58 to 64). The products are added to each label's sum in row order, left to right, so the sums are the same
 * bits as a row at a time.
 */
final class DenseRows {
    private DenseRows() {
    }

    /**
     * @param w    bfloat16 weights, rows of {@code out.length}
     * @param row  the rows, by number
     * @param x    each row's feature value
     * @param rows how many rows (the first entries of row and x)
     * @param out  the sums, added to
     */
    static void addBf16(short[] w, int[] row, double[] x, int rows, double[] out) {
        int n = out.length;
        int i = 0;
        for (; i + 8 <= rows; i += 8) {
            int b0 = row[i] * n;
            int b1 = row[i + 1] * n;
            int b2 = row[i + 2] * n;
            int b3 = row[i + 3] * n;
            int b4 = row[i + 4] * n;
            int b5 = row[i + 5] * n;
            int b6 = row[i + 6] * n;
            int b7 = row[i + 7] * n;
            double x0 = x[i];
            double x1 = x[i + 1];
            double x2 = x[i + 2];
            double x3 = x[i + 3];
            double x4 = x[i + 4];
            double x5 = x[i + 5];
            double x6 = x[i + 6];
            double x7 = x[i + 7];
            for (int k = 0; k < n; k++) {
                out[k] = out[k] + BFloat16.toFloat(w[b0 + k]) * x0 + BFloat16.toFloat(w[b1 + k]) * x1
                        + BFloat16.toFloat(w[b2 + k]) * x2 + BFloat16.toFloat(w[b3 + k]) * x3
                        + BFloat16.toFloat(w[b4 + k]) * x4 + BFloat16.toFloat(w[b5 + k]) * x5
                        + BFloat16.toFloat(w[b6 + k]) * x6 + BFloat16.toFloat(w[b7 + k]) * x7;
            }
        }
        for (; i < rows; i++) {
            int b = row[i] * n;
            double xi = x[i];
            for (int k = 0; k < n; k++) {
                out[k] += BFloat16.toFloat(w[b + k]) * xi;
            }
        }
    }
}
