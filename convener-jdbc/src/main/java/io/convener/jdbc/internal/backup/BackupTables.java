package io.convener.jdbc.internal.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table that holds tenant rows, either backed up (in restore order, parents before children,
 * each with its primary key, the order its rows are read in) or left out with the reason. A test
 * compares this with the migrated schema of every database and fails on a table that is in
 * neither, so a new table cannot be forgotten.
 */
final class BackupTables {
  /** A backed-up table and its primary key columns. */
  record Table(String name, String key) {}

  static final List<Table> TABLES = List.of(
      new Table("tenants", "tenant_id"),
      new Table("members", "tenant_id, member_id"),
      new Table("member_personal", "tenant_id, member_id"),
      new Table("member_teams", "tenant_id, team_id, member_id"),
      new Table("member_cohorts", "tenant_id, cohort_id, member_id"),
      new Table("member_org_units", "tenant_id, org_unit, member_id"),
      new Table("member_periods", "tenant_id, member_id, valid_from"),
      new Table("events", "tenant_id, event_id"),
      new Table("subject_keys", "tenant_id, subject_id"),
      new Table("consent_tenants", "tenant_id"),
      new Table("consent_records", "tenant_id, record_id"),
      new Table("consent_current", "tenant_id, purpose, subject"),
      new Table("provenance_heads", "tenant_id"),
      new Table("provenance_agents", "tenant_id, agent_kind, agent_id"),
      new Table("provenance_entries", "tenant_id, seq"),
      new Table("provenance_entities", "tenant_id, entity_id"),
      new Table("provenance_used", "tenant_id, seq, ordinal"),
      new Table("provenance_generated", "tenant_id, seq, ordinal"),
      new Table("provenance_checkpoints", "tenant_id, tree_size, signed_at"),
      new Table("provenance_signing_keys", "tenant_id"),
      new Table("approvals", "tenant_id, approval_id"),
      new Table("approval_votes", "tenant_id, approval_id, seq"),
      new Table("feedback", "tenant_id, feedback_id"),
      new Table("pulse_settings", "tenant_id"),
      new Table("pulse_watchers", "tenant_id, scope, member_id"),
      new Table("champion_settings", "tenant_id"),
      new Table("champion_weights", "tenant_id, component"),
      new Table("champion_excluded", "tenant_id, member_id"),
      new Table("sharing_agreements", "tenant_id, direction, counterpart_id"),
      new Table("innovation_detection_settings", "tenant_id"),
      new Table("confirmed_innovations", "tenant_id, tag"),
      new Table("notification_outbox", "tenant_id, recipient_id, seq"),
      new Table("notification_deliveries", "tenant_id, recipient_id, seq, channel"),
      new Table("notification_dead_letters", "tenant_id, recipient_id, seq, channel"),
      new Table("notification_preferences", "tenant_id, recipient_id"),
      new Table("idempotency_keys", "tenant_id, scope"),
      new Table("checkpoint_webhooks", "tenant_id, webhook_id"));

  static final Map<String, String> EXCLUDED = excluded();

  private static Map<String, String> excluded() {
    Map<String, String> excluded = new LinkedHashMap<>();
    excluded.put("event_blocks", "a cache of the events table for champion discovery, rebuilt from the events");
    excluded.put("event_block_streams", "the heads of event_blocks, rebuilt with them");
    excluded.put("pulse_days", "a cache of the events table for the pulse, rebuilt from the events");
    excluded.put("pulse_digest_heads", "the heads of pulse_days, rebuilt with them");
    excluded.put("quota_buckets", "rate-limit state that refills by itself; a restored tenant starts with full buckets");
    excluded.put("job_leases", "when each scheduled job last ran for the tenant on this deployment; a restored"
        + " tenant's jobs run at their next period");
    excluded.put("tenant_regions", "the region pin belongs to the deployment restored into, which pins the tenant on"
        + " its first use there");
    return Map.copyOf(excluded);
  }

  private BackupTables() {}
}
