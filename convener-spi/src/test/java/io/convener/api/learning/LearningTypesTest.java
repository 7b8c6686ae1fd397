package io.convener.api.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning API's values validate what they are given and name what is wrong. */
class LearningTypesTest {
  private static final EventId O = EventId.of("o1");

  @Test
  void modelsByWireName() {
    assertThat(AttributionModel.all()).extracting(AttributionModel::wireName)
        .containsExactly("last-touch", "linear", "time-decay", "position-based", "shapley");
    assertThat(AttributionModel.of(" Time-Decay ")).isEqualTo(AttributionModel.TimeDecay.DEFAULT);
    assertThat(AttributionModel.TimeDecay.DEFAULT.halfLife()).isEqualTo(Duration.ofDays(7));
    assertThat(AttributionModel.defaultModel()).isEqualTo(AttributionModel.Shapley.INSTANCE);
    assertThatThrownBy(() -> AttributionModel.of("first-touch")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model must be one of");
    assertThatThrownBy(() -> new AttributionModel.TimeDecay(Duration.ZERO)).hasMessageContaining("halfLife");
  }

  @Test
  void sharesMustSumToOneUnlessNothingWasFound() {
    Attribution empty = new Attribution(O, AttributionModel.defaultModel(), List.of(), 0, 0, Attribution.UNSTAMPED);
    assertThat(empty.attributed()).isFalse();
    Attribution allWithheld = new Attribution(O, AttributionModel.defaultModel(), List.of(), 2, 1.0, 5);
    assertThat(allWithheld.attributed()).isTrue();
    assertThat(allWithheld.disclosures()).isEmpty();
    assertThat(empty.withProvenanceId(9).provenanceId()).isEqualTo(9);
    assertThatThrownBy(() -> new Attribution(O, AttributionModel.defaultModel(), List.of(), 1, 0.5, 0))
        .hasMessageContaining("shares must sum to 1");
    assertThatThrownBy(() -> new Attribution(O, AttributionModel.defaultModel(), List.of(), 0, 0.5, 0))
        .hasMessageContaining("withheldShare");
    assertThatThrownBy(() -> new Attribution(O, AttributionModel.defaultModel(), List.of(), -1, 0, 0))
        .hasMessageContaining("withheld");
    assertThatThrownBy(() -> new Attribution(O, AttributionModel.defaultModel(), List.of(), 0, 0, -2))
        .hasMessageContaining("provenanceId");
  }

  @Test
  void requests() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    AttributionRequest r = AttributionRequest.all().between(t, t.plusSeconds(60)).withModel(AttributionModel.Linear.INSTANCE);
    assertThat(r.from()).contains(t);
    assertThat(r.model()).isEqualTo(AttributionModel.Linear.INSTANCE);
    assertThat(AttributionRequest.outcome(O).outcome()).contains(O);
    assertThatThrownBy(() -> AttributionRequest.all().between(t, t.minusSeconds(1))).hasMessageContaining("before from");
  }
}
