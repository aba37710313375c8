package dev.slant.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The service's JSON: strict on read (no duplicate keys, nothing after the value), compact on write. */
final class ServeJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ServeJson() {
    }

    /**
     * @param value a JSON node
     * @return its compact UTF-8 bytes
     */
    static byte[] bytes(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /**
     * @param status  the HTTP status
     * @param message what is wrong
     * @return {@code {"error": message, "status": status}}
     */
    static byte[] error(int status, String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("error", message);
        json.put("status", status);
        return bytes(json);
    }
}
