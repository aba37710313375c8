package dev.slant.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slant.datasets.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads request bodies into articles: {@code {"id"?, "title"?, "text"}} for one, a JSON array of those for a
 * batch. Strict: a field other than those three, a field of the wrong type, a missing or blank text, a duplicate
 * key or anything after the JSON value is a 400 naming what and where.
 */
final class ArticleRequests {
    /** The fields an article request may have. */
    static final Set<String> FIELDS = Set.of("id", "title", "text", "meta");

    private ArticleRequests() {
    }

    /**
     * @param body the request body, UTF-8 JSON
     * @return the article it holds
     * @throws ApiException 400 if it is not one valid article object
     */
    static ArticleRequest single(byte[] body) throws ApiException {
        JsonNode json = parse(body);
        if (!json.isObject()) {
            throw new ApiException(400, "expected a JSON object {\"id\"?, \"title\"?, \"text\"}, got " + kind(json));
        }
        return article(json, "");
    }

    /**
     * @param body     the request body, UTF-8 JSON
     * @param maxBatch the most articles allowed
     * @return the articles it holds, in order
     * @throws ApiException 400 if it is not an array of valid article objects, 413 if it holds more than maxBatch
     */
    static List<ArticleRequest> batch(byte[] body, int maxBatch) throws ApiException {
        JsonNode json = parse(body);
        if (!json.isArray()) {
            throw new ApiException(400, "expected a JSON array of {\"id\"?, \"title\"?, \"text\"} objects, got " + kind(json));
        }
        if (json.size() > maxBatch) {
            throw new ApiException(413, "a batch of " + json.size() + " articles exceeds the limit of " + maxBatch);
        }
        List<ArticleRequest> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonNode element = json.get(i);
            String where = "article [" + i + "]: ";
            if (!element.isObject()) {
                throw new ApiException(400, where + "expected a JSON object, got " + kind(element));
            }
            out.add(article(element, where));
        }
        return out;
    }

    private static JsonNode parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw new ApiException(400, "the request body is empty; expected JSON");
        }
        try {
            JsonNode json = ServeJson.MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new ApiException(400, "the request body holds no JSON value");
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(400, "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ApiException(400, "unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static ArticleRequest article(JsonNode json, String where) throws ApiException {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                throw new ApiException(400, where + "unknown field '" + name + "'; an article has \"id\", \"title\", \"text\" and \"meta\"");
            }
        }
        String id = optionalString(json, "id", where);
        if (id != null && id.isBlank()) {
            throw new ApiException(400, where + "\"id\" is blank; leave it out or give a non-blank string");
        }
        String title = optionalString(json, "title", where);
        String text = optionalString(json, "text", where);
        if (text == null) {
            throw new ApiException(400, where + "\"text\" is missing");
        }
        if (text.isBlank()) {
            throw new ApiException(400, where + "\"text\" is blank");
        }
        Article article = new Article(id == null ? ArticleRequest.NO_ID : id, title == null ? "" : title, text,
                meta(json, where));
        return new ArticleRequest(id, article);
    }

    /**
     * The optional {@code "meta"} object of string values: what the article's corpus row would carry (outlet, host,
     * url, ...), which the scrubber uses to remove the outlet's own name and host.
     */
    private static Map<String, String> meta(JsonNode json, String where) throws ApiException {
        JsonNode meta = json.get("meta");
        if (meta == null || meta.isNull()) {
            return Map.of();
        }
        if (!meta.isObject()) {
            throw new ApiException(400, where + "\"meta\" must be an object of strings, got " + kind(meta));
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ApiException(400, where + "\"meta\".\"" + e.getKey() + "\" must be a string, got " + kind(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    private static String optionalString(JsonNode json, String field, String where) throws ApiException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException(400, where + "\"" + field + "\" must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    private static String kind(JsonNode json) {
        return switch (json.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
