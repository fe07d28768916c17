package dev.lazurite.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.store.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UsageWriterTest {
  /** A store whose commits wait until the test opens the gate. */
  static final class GatedStore implements UsageStore {
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    final List<Integer> commits = new CopyOnWriteArrayList<>();

    @Override
    public void append(List<UsageRecord> records) {
      firstCommitStarted.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      commits.add(records.size());
    }

    @Override
    public List<UsageSummary> summarize(String account, Instant since) {
      return List.of();
    }

    @Override
    public void scan(
        String account, Instant from, Instant to, java.util.function.Consumer<UsageRecord> each) {}
  }

  static UsageRecord record(int i) {
    return new UsageRecord(
        Instant.EPOCH, "req-" + i, "a", "d", "m", "op", "key1", 1, 1, 200, 1.0, false);
  }

  @Test
  void strictRecordsReturnOnlyOnceCommittedAndThoseWaitingShareOneCommit() throws Exception {
    GatedStore store = new GatedStore();
    try (UsageWriter writer = new UsageWriter(store, UsageDurability.STRICT)) {
      List<Thread> requests = new ArrayList<>();
      requests.add(Thread.ofVirtual().start(() -> writer.record(record(0))));
      assertThat(store.firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i <= 8; i++) {
        int n = i;
        requests.add(Thread.ofVirtual().start(() -> writer.record(record(n))));
      }
      Thread.sleep(200);
      assertThat(requests).allMatch(Thread::isAlive);

      store.gate.countDown();
      for (Thread request : requests) {
        assertThat(request.join(Duration.ofSeconds(5))).isTrue();
      }
      assertThat(store.commits).containsExactly(1, 8);
    }
  }

  @Test
  void asyncRecordsReturnBeforeTheCommit() {
    GatedStore store = new GatedStore();
    try (UsageWriter writer = new UsageWriter(store, UsageDurability.ASYNC)) {
      writer.record(record(1));
      writer.record(record(2));
      assertThat(store.commits).isEmpty();
      store.gate.countDown();
      writer.flush();
      assertThat(store.commits.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    }
  }

  @Test
  void aStrictRecordTheStoreCannotCommitFailsTheRequestAndIsStoredLater() {
    GatedStore store = new GatedStore();
    try (UsageWriter writer =
        new UsageWriter(store, UsageDurability.STRICT, Duration.ofMillis(100))) {
      assertThatThrownBy(() -> writer.record(record(1)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.errorCode().status()).isEqualTo(500));
      store.gate.countDown();
      writer.flush();
      assertThat(store.commits).containsExactly(1);
    }
  }
}
