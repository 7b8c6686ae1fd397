package io.convener.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Role;
import io.convener.api.pulse.PulseScope;
import io.convener.api.pulse.ScopeWatchers;
import io.convener.http.json.SettingsShapes;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's settings under {@code /v1/admin}: the consent policy, the pulse and champion
 * settings (each read with {@code GET} and replaced whole with {@code PUT}), and the pulse
 * watchers of each scope. Every call is one call of the services, so the gate checks the role
 * (changes need {@code admin}) and leaves one provenance entry, a refusal included.
 */
final class AdminRoutes {
  static final String CONSENT_POLICY = "/v1/admin/consent-policy";
  static final String PULSE = "/v1/admin/pulse-settings";
  static final String CHAMPIONS = "/v1/admin/champion-settings";
  static final String WATCHERS = "/v1/admin/watchers";

  private final Convener convener;

  AdminRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("GET", CONSENT_POLICY, r -> Response.ok(SettingsShapes.json(convener.consent().policy(r.principal()))));
    router.add("PUT", CONSENT_POLICY, r -> Response.ok(SettingsShapes.json(
        convener.consent().setPolicy(r.principal(), SettingsBodies.policy(Jsons.object(r.body()))))), Role.ADMIN);
    router.add("GET", PULSE, r -> Response.ok(SettingsShapes.json(convener.pulse().settings(r.principal()))));
    router.add("PUT", PULSE, r -> Response.ok(SettingsShapes.json(
        convener.pulse().configure(r.principal(), SettingsBodies.pulse(Jsons.object(r.body()))))), Role.ADMIN);
    router.add("GET", CHAMPIONS, r -> Response.ok(SettingsShapes.json(convener.champions().settings(r.principal()))));
    router.add("PUT", CHAMPIONS, r -> Response.ok(SettingsShapes.json(
        convener.champions().configure(r.principal(), SettingsBodies.champions(Jsons.object(r.body()))))), Role.ADMIN);
    router.add("GET", WATCHERS, this::watchers);
    router.add("POST", WATCHERS + "/add", r -> change(r, true), Role.ADMIN);
    router.add("POST", WATCHERS + "/remove", r -> change(r, false), Role.ADMIN);
  }

  /** Every watched scope, or one ({@code ?scope=team:T}). */
  private Response watchers(Request r) {
    Optional<PulseScope> scope = r.param("scope").map(v -> SettingsBodies.scope("scope", v));
    List<ScopeWatchers> lists = scope.isPresent()
        ? List.of(convener.pulse().watchers(r.principal(), scope.get()))
        : convener.pulse().watchers(r.principal());
    return Response.ok(SettingsShapes.json(lists));
  }

  /** {@code {scope, members}}: adds or removes, and answers the scope's watchers now. */
  private Response change(Request r, boolean add) {
    JsonNode body = Jsons.object(r.body());
    PulseScope scope = SettingsBodies.scope("scope", Jsons.required(body, "scope"));
    List<MemberId> members = SettingsBodies.members(body);
    ScopeWatchers now = add
        ? convener.pulse().watch(r.principal(), scope, members)
        : convener.pulse().unwatch(r.principal(), scope, members);
    return Response.ok(SettingsShapes.json(List.of(now)));
  }
}
