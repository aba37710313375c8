package dev.slant.inference.invariance;

import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs perturbations over articles and counts, per target and perturbation, how many predictions change label
 * (an abstention counts as a label) and how much the originally predicted label's probability moves. Each article
 * and perturbation gets a random source of its own, drawn from the seed, the perturbation's position and the
 * article's, so the result does not depend on thread scheduling.
 */
public final class InvarianceTest {
    private InvarianceTest() {
    }

    /**
     * @param classify     the model: an article's predictions, every target (thread-safe: articles are classified in
     *                     parallel)
     * @param articles     the articles (a test part)
     * @param perturbations the perturbations
     * @param seed         the seed
     * @return the report
     * @throws IllegalArgumentException if there is no article
     */
    public static InvarianceReport run(Function<Article, Prediction> classify, List<Article> articles,
                                       List<Perturbation> perturbations, long seed) {
        Objects.requireNonNull(classify, "classify");
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no article to perturb");
        }
        List<Article> in = List.copyOf(articles);
        Prediction[] original = new Prediction[in.size()];
        IntStream.range(0, in.size()).parallel().forEach(i -> original[i] = classify.apply(in.get(i)));
        List<InvarianceReport.Row> rows = new ArrayList<>();
        Map<String, List<InvarianceReport.Row>> byTarget = new LinkedHashMap<>();
        for (TargetPrediction t : original[0].targets()) {
            byTarget.put(t.target(), new ArrayList<>());
        }
        for (int pi = 0; pi < perturbations.size(); pi++) {
            Perturbation p = perturbations.get(pi);
            Prediction[] changed = new Prediction[in.size()];
            String[] variant = new String[in.size()];
            int index = pi;
            IntStream.range(0, in.size()).parallel().forEach(i -> {
                Perturbation.Perturbed x = p.apply(in.get(i), new Random(mix(seed, index, i)));
                if (x != null) {
                    changed[i] = classify.apply(x.article());
                    variant[i] = x.variant();
                }
            });
            for (String target : byTarget.keySet()) {
                byTarget.get(target).add(tally(target, p, original, changed, variant));
            }
        }
        byTarget.values().forEach(rows::addAll);
        return new InvarianceReport(in.size(), seed, rows);
    }

    private static InvarianceReport.Row tally(String target, Perturbation p, Prediction[] original, Prediction[] changed,
                                              String[] variant) {
        int n = 0;
        int flips = 0;
        int moved = 0;
        double change = 0;
        double absChange = 0;
        Map<String, int[]> variants = new TreeMap<>();
        for (int i = 0; i < original.length; i++) {
            if (changed[i] == null) {
                continue;
            }
            TargetPrediction a = original[i].target(target);
            TargetPrediction b = changed[i].target(target);
            n++;
            boolean flip = !Objects.equals(a.label(), b.label());
            int[] v = variants.computeIfAbsent(variant[i], k -> new int[2]);
            v[1]++;
            if (flip) {
                flips++;
                v[0]++;
            }
            if (!a.abstained() && !b.abstained()) {
                double d = b.probabilities().get(a.label()) - a.probability();
                change += d;
                absChange += Math.abs(d);
                moved++;
            }
        }
        String worst = "";
        int worstFlips = 0;
        int worstArticles = 0;
        for (Map.Entry<String, int[]> e : variants.entrySet()) {
            int[] v = e.getValue();
            if (worst.isEmpty() || v[0] > worstFlips) {
                worst = e.getKey();
                worstFlips = v[0];
                worstArticles = v[1];
            }
        }
        return new InvarianceReport.Row(target, p.name(), p.outletSignature(), n, flips,
                moved == 0 ? 0 : change / moved, moved == 0 ? 0 : absChange / moved, worst, worstFlips, worstArticles);
    }

    /** A seed for one article and perturbation. */
    private static long mix(long seed, int perturbation, int article) {
        long z = seed * 0x9E3779B97F4A7C15L + perturbation * 0xBF58476D1CE4E5B9L + article * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
