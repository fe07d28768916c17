package dev.lazurite.testing;

import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.StreamEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every pipeline event as a line ({@code requestEnd 200}, {@code attemptStart b1}…). */
public final class TestingListener implements PipelineListener {
  public final List<String> events = new CopyOnWriteArrayList<>();
  public final List<Ledger> ledgers = new CopyOnWriteArrayList<>();

  @Override
  public void requestStart(String requestId) {
    events.add("requestStart");
  }

  @Override
  public void requestEnd(Ledger ledger) {
    ledgers.add(ledger);
    events.add("requestEnd " + ledger.status());
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    ledgers.add(ledger);
    events.add("requestFailed " + ledger.status());
  }

  @Override
  public void backendAttemptStart(String requestId, String backend) {
    events.add("attemptStart " + backend);
  }

  @Override
  public void backendFirstByte(String requestId, String backend) {
    events.add("firstByte " + backend);
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    events.add("attemptEnd " + backend + " " + status);
  }

  @Override
  public void streamChunk(String requestId, StreamEvent event) {
    events.add("chunk " + event.completionTokens());
  }

  public Ledger last() {
    return ledgers.getLast();
  }
}
