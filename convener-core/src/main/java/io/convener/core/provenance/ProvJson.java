package io.convener.core.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.ProvenanceEntry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes entries as a W3C PROV-JSON document (https://www.w3.org/submissions/prov-json/): each
 * entry an activity {@code log:<sequence>} with its time, activity name ({@code prov:type}),
 * outcome and input digest; its agent an agent ({@code prov:Person} for principals, {@code
 * prov:SoftwareAgent} for system components) linked by {@code wasAssociatedWith} with the roles as
 * {@code prov:role}; used and generated ids entities linked by {@code used} and {@code
 * wasGeneratedBy}; each generated entity {@code wasDerivedFrom} each used one through the
 * activity; a cause, and the original of a replay, as {@code wasInformedBy} (a replay also carries
 * {@code convener:replayOf}). Stateless and thread-safe.
 */
final class ProvJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ProvJson() {}

  static String write(TenantId tenant, List<ProvenanceEntry> entries) {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> prefix = new LinkedHashMap<>();
    prefix.put("convener", "urn:convener:");
    prefix.put("log", "urn:convener:" + tenant.value() + ":log:");
    prefix.put("agent", "urn:convener:" + tenant.value() + ":agent:");
    prefix.put("entity", "urn:convener:" + tenant.value() + ":entity:");
    doc.put("prefix", prefix);
    Map<String, Object> activities = new LinkedHashMap<>();
    Map<String, Object> agents = new LinkedHashMap<>();
    Map<String, Object> entities = new LinkedHashMap<>();
    Map<String, Object> used = new LinkedHashMap<>();
    Map<String, Object> generated = new LinkedHashMap<>();
    Map<String, Object> associated = new LinkedHashMap<>();
    Map<String, Object> derived = new LinkedHashMap<>();
    Map<String, Object> informed = new LinkedHashMap<>();
    for (ProvenanceEntry e : entries) {
      String activity = "log:" + e.sequence();
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("prov:startTime", e.at().toString());
      a.put("prov:endTime", e.at().toString());
      a.put("prov:type", "convener:" + e.activity());
      a.put("convener:sequence", e.sequence());
      a.put("convener:outcome", e.outcome().status().name().toLowerCase(Locale.ROOT));
      a.put("convener:outcomeCode", e.outcome().code());
      if (!e.outcome().reason().isEmpty()) {
        a.put("convener:reason", e.outcome().reason());
      }
      a.put("convener:inputDigest", e.inputDigest().hex());
      e.replayOf().ifPresent(original -> a.put("convener:replayOf", original));
      activities.put(activity, a);
      String agent = "agent:" + e.agent().kind().name().toLowerCase(Locale.ROOT) + "/" + e.agent().id();
      agents.computeIfAbsent(agent, k -> Map.of("prov:type",
          e.agent().kind() == Agent.Kind.PRINCIPAL ? "prov:Person" : "prov:SoftwareAgent"));
      Map<String, Object> association = new LinkedHashMap<>();
      association.put("prov:activity", activity);
      association.put("prov:agent", agent);
      if (!e.agent().roles().isEmpty()) {
        List<String> roles = new ArrayList<>();
        EnumSet.copyOf(e.agent().roles()).forEach((Role r) -> roles.add(r.name()));
        association.put("prov:role", roles);
      }
      associated.put("_:assoc" + e.sequence(), association);
      for (int i = 0; i < e.used().size(); i++) {
        String entity = "entity:" + e.used().get(i);
        entities.putIfAbsent(entity, Map.of());
        used.put("_:used" + e.sequence() + "." + i, Map.of("prov:activity", activity, "prov:entity", entity));
      }
      for (int i = 0; i < e.generated().size(); i++) {
        String entity = "entity:" + e.generated().get(i);
        entities.putIfAbsent(entity, Map.of());
        generated.put("_:gen" + e.sequence() + "." + i, Map.of("prov:entity", entity, "prov:activity", activity,
            "prov:time", e.at().toString()));
        for (int j = 0; j < e.used().size(); j++) {
          derived.put("_:derived" + e.sequence() + "." + i + "." + j, Map.of(
              "prov:generatedEntity", entity, "prov:usedEntity", "entity:" + e.used().get(j), "prov:activity", activity));
        }
      }
      e.causedBy().ifPresent(cause -> informed.put("_:informed" + e.sequence(),
          Map.of("prov:informed", activity, "prov:informant", "log:" + cause)));
      e.replayOf().ifPresent(original -> informed.put("_:replay" + e.sequence(),
          Map.of("prov:informed", activity, "prov:informant", "log:" + original)));
    }
    putIfNotEmpty(doc, "activity", activities);
    putIfNotEmpty(doc, "agent", agents);
    putIfNotEmpty(doc, "entity", entities);
    putIfNotEmpty(doc, "used", used);
    putIfNotEmpty(doc, "wasGeneratedBy", generated);
    putIfNotEmpty(doc, "wasAssociatedWith", associated);
    putIfNotEmpty(doc, "wasDerivedFrom", derived);
    putIfNotEmpty(doc, "wasInformedBy", informed);
    try {
      return MAPPER.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write PROV-JSON", e);
    }
  }

  private static void putIfNotEmpty(Map<String, Object> doc, String key, Map<String, Object> value) {
    if (!value.isEmpty()) {
      doc.put(key, value);
    }
  }
}
