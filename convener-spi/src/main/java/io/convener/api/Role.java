package io.convener.api;

/** What a principal may do in its tenant. A principal holds any number of roles. */
public enum Role {
  /** Configures the tenant: policies, settings, keys; approves where policy asks an admin. */
  ADMIN,
  /** Sees community-wide results: champions, pulse, learning, innovation. */
  COMMUNITY_MANAGER,
  /** Sees results for their team and asks for collaborators. */
  TEAM_LEAD,
  /** A member of the tenant: manages their own consent, sees their own data. */
  MEMBER,
  /** Audits provenance, access and approval logs. */
  COMPLIANCE_OFFICER
}
