package dev.lazurite.testing;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.control.event.ControlWriter;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** A write path for parts tested without a control plane: runs each write as it comes. */
public final class TestingControlWriter implements ControlWriter {
  public static final TestingControlWriter DIRECT = new TestingControlWriter();

  private TestingControlWriter() {}

  @Override
  public <T> T write(Supplier<T> work) {
    return work.get();
  }

  @Override
  public void committed(String resourceId, ControlEvent.Operation operation) {}

  @Override
  public void beforeEachSnapshot(LongConsumer refresh) {}
}
