package io.convener.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantCapTest {
  @Test
  void theFirstTenantsKeepTheirLabelAndTheRestShareOne() {
    TenantCap cap = new TenantCap(2);
    assertThat(cap.label("a")).isEqualTo("a");
    assertThat(cap.label("b")).isEqualTo("b");
    assertThat(cap.label("c")).isEqualTo(TenantCap.OTHER);
    assertThat(cap.label("a")).isEqualTo("a");
    assertThat(cap.label(null)).isEqualTo(TenantCap.NONE);
  }
}
