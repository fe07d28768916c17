package dev.lazurite.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
  private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

  /**
   * The calling thread's nice value, field 19 of its {@code stat} (after the name's parenthesis).
   */
  private static int niceOfThisThread() throws IOException {
    String stat = Files.readString(THREAD_STAT);
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }

  @Test
  void aBackgroundThreadRunsAtTheLowerPriorityAndOthersKeepTheirs() throws Exception {
    assumeTrue(Files.isReadable(THREAD_STAT), "Linux only");
    AtomicBoolean lowered = new AtomicBoolean();
    AtomicInteger before = new AtomicInteger(-100);
    AtomicInteger after = new AtomicInteger(-100);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    before.set(niceOfThisThread());
                    lowered.set(BackgroundPriority.lowerCurrentThread());
                    after.set(niceOfThisThread());
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
    writer.join();

    assertThat(lowered).isTrue();
    assertThat(after.get()).isEqualTo(Math.max(before.get(), BackgroundPriority.NICE));
    // Only that thread: the test's own thread keeps its priority.
    assertThat(niceOfThisThread()).isEqualTo(before.get());
  }

  @Test
  void aVirtualThreadIsLeftAlone() throws Exception {
    AtomicBoolean lowered = new AtomicBoolean(true);
    Thread.ofVirtual().start(() -> lowered.set(BackgroundPriority.lowerCurrentThread())).join();
    assertThat(lowered).isFalse();
  }
}
