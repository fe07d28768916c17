package dev.lazurite.schedule;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the writers that follow requests and that nobody waits for (the audit writer, the
 * asynchronous usage writer) give way to the threads that answer requests. The strict usage writer,
 * which requests wait for, and the capture and trace writers, whose bounded queues drop what does
 * not fit, keep the normal priority. A writer wakes every few tens of milliseconds and commits what
 * gathered meanwhile; at the operating system's normal priority that burst takes a core from a
 * request in flight, which shows in the request latencies' upper percentiles. On Linux the calling
 * thread's nice value is raised to {@value #NICE} ({@code setpriority(PRIO_PROCESS, gettid(), …)},
 * which on Linux applies to that thread alone and needs no privilege); the writer then runs when a
 * core is idle, and still gets about a tenth of a contended one, so it keeps up, and batches the
 * more it falls behind. Elsewhere, or when the C library lacks the calls, nothing changes.
 */
public final class BackgroundPriority {
  /** The nice value background writers run at (0 is normal, 19 the lowest priority). */
  public static final int NICE = 10;

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final int PRIO_PROCESS = 0;
  private static final Optional<Calls> CALLS = calls();

  private BackgroundPriority() {}

  /** The C library calls, when this is Linux and they can be bound. */
  private record Calls(MethodHandle gettid, MethodHandle getpriority, MethodHandle setpriority) {}

  /**
   * Lowers the calling thread's scheduling priority to {@link #NICE} (a thread already lower keeps
   * its own); returns whether it runs at that priority or lower now. Only for platform threads that
   * do background work: a virtual thread would lower its carrier.
   */
  public static boolean lowerCurrentThread() {
    if (CALLS.isEmpty() || Thread.currentThread().isVirtual()) {
      return false;
    }
    try {
      int tid = (int) CALLS.get().gettid().invokeExact();
      int current = (int) CALLS.get().getpriority().invokeExact(PRIO_PROCESS, tid);
      if (current >= NICE) {
        return true;
      }
      int result = (int) CALLS.get().setpriority().invokeExact(PRIO_PROCESS, tid, NICE);
      return result == 0;
    } catch (Throwable e) {
      LOG.debug("could not lower the priority of {}", Thread.currentThread().getName(), e);
      return false;
    }
  }

  private static Optional<Calls> calls() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.empty();
    }
    try {
      Linker linker = Linker.nativeLinker();
      var libc = linker.defaultLookup();
      var gettid = libc.find("gettid");
      var getpriority = libc.find("getpriority");
      var setpriority = libc.find("setpriority");
      if (gettid.isEmpty() || getpriority.isEmpty() || setpriority.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Calls(
              linker.downcallHandle(gettid.get(), FunctionDescriptor.of(JAVA_INT)),
              linker.downcallHandle(
                  getpriority.get(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)),
              linker.downcallHandle(
                  setpriority.get(),
                  FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT))));
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("thread priorities stay as they are", e);
      return Optional.empty();
    }
  }
}
