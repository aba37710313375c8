package dev.slant.serve;

import java.util.List;
import org.eclipse.jetty.util.Fields;

/**
 * What a classify request asks for besides its articles, from its query string. Each parameter is one
 * component here and one case in {@link #parse}; an unknown parameter is refused rather than ignored.
 *
 * @param probabilities whether each target lists every label's probability ({@code ?probabilities=true|false},
 *                      default true)
 * @param explain       how many n-grams and sentences explain each label ({@code ?explain=K}, 0 to
 *                      {@link #MAX_EXPLAIN}; default 0, no explanation)
 */
record ClassifyOptions(boolean probabilities, int explain) {
    /** The most n-grams and sentences a request may ask for per label. */
    static final int MAX_EXPLAIN = 100;

    /** The options of a request without a query string. */
    static final ClassifyOptions DEFAULT = new ClassifyOptions(true, 0);

    /**
     * @param query the request's query parameters
     * @return the options
     * @throws ApiException 400 for an unknown parameter, a repeated one or a bad value
     */
    static ClassifyOptions parse(Fields query) throws ApiException {
        boolean probabilities = DEFAULT.probabilities();
        int explain = DEFAULT.explain();
        for (Fields.Field field : query) {
            String name = field.getName();
            List<String> values = field.getValues();
            if (values.size() != 1) {
                throw new ApiException(400, "query parameter '" + name + "' is given " + values.size() + " times");
            }
            String value = values.get(0);
            switch (name) {
                case "probabilities" -> probabilities = bool(name, value);
                case "explain" -> explain = count(name, value);
                default -> throw new ApiException(400, "unknown query parameter '" + name + "'; known: probabilities, explain");
            }
        }
        return new ClassifyOptions(probabilities, explain);
    }

    private static int count(String name, String value) throws ApiException {
        int k;
        try {
            k = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + name + "' must be a whole number, got '" + value + "'", e);
        }
        if (k < 0 || k > MAX_EXPLAIN) {
            throw new ApiException(400, "query parameter '" + name + "' must be between 0 and " + MAX_EXPLAIN + ", got " + k);
        }
        return k;
    }

    private static boolean bool(String name, String value) throws ApiException {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ApiException(400, "query parameter '" + name + "' must be true or false, got '" + value + "'");
        };
    }
}
