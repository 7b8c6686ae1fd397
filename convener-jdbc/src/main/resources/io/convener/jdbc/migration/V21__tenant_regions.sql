-- Data residency: the region each tenant is pinned to, in the database of that region. One row
-- per tenant, written on the tenant's first use in a deployment with regions and never changed,
-- so that a configuration that later assigns the tenant to another region is refused.
CREATE TABLE tenant_regions (
  tenant_id VARCHAR(64) NOT NULL,
  region VARCHAR(64) NOT NULL,
  CONSTRAINT tenant_regions_pk PRIMARY KEY (tenant_id),
  CONSTRAINT tenant_regions_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
);
