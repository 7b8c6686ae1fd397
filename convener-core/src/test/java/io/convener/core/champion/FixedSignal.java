package io.convener.core.champion;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.signal.Signal;
import io.convener.spi.signal.SignalValue;
import io.convener.spi.signal.SignalValues;
import io.convener.spi.signal.SignalWindow;
import java.util.List;
import java.util.Map;

/** A signal that ServiceLoader finds through the test class path's services file: e is worth 4, f 2. */
public final class FixedSignal implements Signal {
  @Override
  public String name() {
    return "talks";
  }

  @Override
  public SignalValues compute(TenantId tenant, SignalWindow window) {
    return new SignalValues(Map.of(MemberId.of("e"), new SignalValue(4, List.of("talk T1")),
        MemberId.of("f"), new SignalValue(2, List.of("talk T2"))));
  }
}
