package io.convener.jdbc.internal.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.StorageException;
import io.convener.api.notify.NotificationPreferences;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The JSON columns of the outbox: payloads (string maps) and preferences. */
final class NotificationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {};

  private NotificationJson() {}

  static String payload(Map<String, String> payload) {
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload cannot be written as JSON", e);
    }
  }

  static Map<String, String> payload(String json) {
    try {
      return MAPPER.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new StorageException("the column notification_outbox.payload is not a JSON object of strings", e);
    }
  }

  static String preferences(NotificationPreferences p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("zone", p.zone().getId());
    node.put("quietFrom", p.quietFrom().toString());
    node.put("quietUntil", p.quietUntil().toString());
    ObjectNode muted = node.putObject("muted");
    new TreeMap<>(p.muted()).forEach((kind, channels) -> {
      var array = muted.putArray(kind);
      channels.stream().sorted().forEach(array::add);
    });
    node.put("digestWindow", p.digestWindow().toString());
    node.put("maxPerHour", p.maxPerHour());
    return node.toString();
  }

  static NotificationPreferences preferences(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      Map<String, Set<String>> muted = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> kind : node.get("muted").properties()) {
        Set<String> channels = new HashSet<>();
        kind.getValue().forEach(c -> channels.add(c.asText()));
        muted.put(kind.getKey(), channels);
      }
      return new NotificationPreferences(ZoneId.of(node.get("zone").asText()),
          LocalTime.parse(node.get("quietFrom").asText()), LocalTime.parse(node.get("quietUntil").asText()), muted,
          Duration.parse(node.get("digestWindow").asText()), node.get("maxPerHour").asInt());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StorageException("the column notification_preferences.prefs is not valid preferences JSON", e);
    }
  }
}
