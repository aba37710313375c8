package dev.slant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.SlantClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.util.Fields;

/**
 * The archives the page shows: the one the operator named ({@code slant serve --archive FILE}), if any, and the
 * {@link #MAX_UPLOADS} latest uploads, each under an id of 128 random bits that only its uploader's page knows
 * (uploads are never listed). Older uploads are forgotten, so memory stays bounded by that many uploads of at
 * most the body limit. A private temporary folder holds the predictions of an upload while it is scored, and is
 * deleted when the server stops.
 */
final class Archives implements AutoCloseable {
    /** The most uploads kept. */
    static final int MAX_UPLOADS = 8;

    private final SlantClassifier slant;
    private final Archive operator;
    private final Path work;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Archive> uploads = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Archive> eldest) {
            return size() > MAX_UPLOADS;
        }
    };

    /**
     * @param slant    the classifier that scores uploads
     * @param operator the operator's archive, or null
     * @throws IOException if the temporary folder cannot be made
     */
    Archives(SlantClassifier slant, Archive operator) throws IOException {
        this.slant = slant;
        this.operator = operator;
        this.work = Files.createTempDirectory("slant-serve-");
    }

    /**
     * @param id an archive's id
     * @return the archive
     * @throws ApiException 404 if there is none of that id (or it was forgotten)
     */
    Archive get(String id) throws ApiException {
        if (operator != null && operator.id.equals(id)) {
            return operator;
        }
        Archive a;
        synchronized (uploads) {
            a = uploads.get(id);
        }
        if (a == null) {
            throw new ApiException(404, "no archive '" + id + "'; the server keeps the " + MAX_UPLOADS
                    + " latest uploads until it stops; upload the file again");
        }
        return a;
    }

    /**
     * Scores an upload and keeps it.
     *
     * @param body  the file
     * @param query its name, format and columns
     * @return the archive
     * @throws ApiException 400 if the file cannot be read
     */
    Archive upload(byte[] body, Fields query) throws ApiException {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Archive a = ArchiveUpload.score(slant, body, query, id, work);
        synchronized (uploads) {
            uploads.put(id, a);
        }
        return a;
    }

    /** @return {"archives": [the operator's archive's summary, if any]} */
    ObjectNode list() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode list = json.putArray("archives");
        if (operator != null) {
            list.add(operator.summary());
        }
        json.put("maxUploads", MAX_UPLOADS);
        return json;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            java.util.logging.Logger.getLogger(Archives.class.getName()).warning("cannot delete " + work + ": " + e);
        }
    }
}
