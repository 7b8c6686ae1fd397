package io.convener.core.internal.degraded;

import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.consent.Disclosed;
import io.convener.core.internal.consent.ConsentEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which parts of a stale result may still name people: those every one of whose disclosures the
 * consent engine confirms now ({@link ConsentEngine#check}). The engine answers from what it last
 * read from the store: every change committed through this node, and another node's up to about a
 * second before the store failed. A person it cannot answer for (their purpose was never read, so
 * the store would have to be asked) counts as not consenting: nobody is named on a guess.
 */
public final class Rechecked {
  private Rechecked() {}

  /**
   * The items whose every disclosure is confirmed now, in their order.
   *
   * @param named every person an item names
   */
  public static <T> List<T> confirmed(ConsentEngine consent, TenantId tenant, List<T> items,
      Function<? super T, List<Disclosed<?>>> named) {
    List<T> kept = new ArrayList<>(items.size());
    for (T item : items) {
      if (confirmed(consent, tenant, named.apply(item))) {
        kept.add(item);
      }
    }
    return kept;
  }

  private static boolean confirmed(ConsentEngine consent, TenantId tenant, List<Disclosed<?>> named) {
    try {
      for (Disclosed<?> d : named) {
        if (!consent.check(tenant, d.subject(), d.purpose())) {
          return false;
        }
      }
      return true;
    } catch (StorageException e) {
      return false;
    }
  }
}
