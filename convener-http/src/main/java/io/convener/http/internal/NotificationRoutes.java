package io.convener.http.internal;

import io.convener.api.Convener;
import io.convener.api.InvalidInputException;
import io.convener.api.notify.InboxMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The caller's inbox, page by page, and its engagement status (seen, read); the stream is {@link EventStream}. */
final class NotificationRoutes {
  private final Convener convener;

  NotificationRoutes(Convener convener) {
    this.convener = convener;
  }

  void register(Router router) {
    router.add("GET", "/v1/notifications", this::inbox);
    router.add("POST", "/v1/notifications/{sequence}/seen", r -> mark(r, "seen"));
    router.add("POST", "/v1/notifications/{sequence}/read", r -> mark(r, "read"));
  }

  private Response inbox(Request r) {
    long after = r.param("after").map(v -> sequence("after", v, 0)).orElse(0L);
    int limit = r.intParam("limit", 1000).orElse(100);
    return Response.ok(Map.of("messages",
        convener.notifier().inbox(r.principal(), after, limit).stream().map(NotificationRoutes::json).toList()));
  }

  private Response mark(Request r, String status) {
    long sequence = sequence("sequence", r.path("sequence"), 1);
    if (status.equals("read")) {
      convener.notifier().markRead(r.principal(), sequence);
    } else {
      convener.notifier().markSeen(r.principal(), sequence);
    }
    return Response.ok(Map.of("sequence", sequence, "status", status));
  }

  static Map<String, Object> json(InboxMessage m) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sequence", m.sequence());
    data.put("kind", m.kind());
    data.put("payload", m.payload());
    data.put("createdAt", m.createdAt().toString());
    data.put("critical", m.critical());
    return data;
  }

  private static long sequence(String field, String value, long min) {
    try {
      long n = Long.parseLong(value);
      if (n < min) {
        throw new InvalidInputException(field, "must be >= " + min + ", got " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "not a sequence number: '" + value + "'");
    }
  }
}
