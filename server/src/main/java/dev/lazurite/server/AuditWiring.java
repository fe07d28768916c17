package dev.lazurite.server;

import dev.lazurite.audit.AuditAdminHandler;
import dev.lazurite.audit.AuditFile;
import dev.lazurite.audit.AuditListener;
import dev.lazurite.audit.AuditLog;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditSweeper;
import dev.lazurite.audit.AuditWriter;
import dev.lazurite.audit.CheckpointSigner;
import dev.lazurite.audit.ControlAuditor;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.AuditViews;
import dev.lazurite.network.PrivateEndpoint;
import dev.lazurite.observability.AuditLogExport;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.schedule.Periodic;
import dev.lazurite.trace.TraceFile;
import dev.lazurite.trace.TraceListener;
import dev.lazurite.trace.TraceLog;
import dev.lazurite.trace.TraceRecord;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: this instance's stream written by one writer to the store and, unless turned off,
 * to a JSON-lines file in {@code <dataDir>/audit} and as OTLP log records; a pipeline listener for
 * the data plane, a control-event listener for changes, the retention sweeper and the admin routes.
 * Beside it, when turned on, the {@code Trace} diagnostic category: one record per data-plane
 * request in the store every instance shares, swept past its retention and listed on the same
 * route, and sent to the same sinks as the audit records (a {@code trace-<stream>.jsonl} file
 * beside the audit file, the OTLP log export). When off, no trace listener is registered at all.
 */
public final class AuditWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWiring.class);
  private static final String STREAM_FILE = "audit-stream";
  private static final Duration TRACE_SWEEP = Duration.ofMinutes(5);

  private final AuditWriter writer;
  private final PipelineListener listener;
  private final AuditAdminHandler admin;
  private final Optional<AuditSweeper> sweeper;
  private final Optional<AuditLogExport> export;
  private final Optional<TraceLog> traces;
  private final Optional<Periodic> traceSweeper;
  private final Optional<TraceFile> traceFile;

  private AuditWiring(
      AuditWriter writer,
      PipelineListener listener,
      AuditAdminHandler admin,
      Optional<AuditSweeper> sweeper,
      Optional<AuditLogExport> export,
      Optional<TraceLog> traces,
      Optional<Periodic> traceSweeper,
      Optional<TraceFile> traceFile) {
    this.writer = writer;
    this.listener = listener;
    this.admin = admin;
    this.sweeper = sweeper;
    this.export = export;
    this.traces = traces;
    this.traceSweeper = traceSweeper;
    this.traceFile = traceFile;
  }

  static AuditWiring start(
      ServerConfig config, Clock clock, Foundation foundation, Deque<AutoCloseable> opened)
      throws IOException {
    var audit = config.audit();
    var store = foundation.store().audit();
    var signer = CheckpointSigner.shared(foundation.store().secrets());
    String stream = stream(config.dataDir());
    Optional<Path> directory =
        audit.fileSink() ? Optional.of(config.dataDir().resolve("audit")) : Optional.empty();
    Optional<AuditFile> file =
        directory.isPresent()
            ? Optional.of(
                AuditFile.open(AuditFile.of(directory.get(), stream), audit.fileRotation()))
            : Optional.empty();
    Optional<AuditLogExport> export =
        audit.otlpEndpoint().map(e -> AuditLogExport.otlp(e, config.observability().serviceName()));
    export.ifPresent(opened::push);
    List<Consumer<AuditRecord>> forwards =
        export.<List<Consumer<AuditRecord>>>map(x -> List.of(x::audit)).orElse(List.of());
    var writer =
        new AuditWriter(store, file, signer, stream, audit.checkpointEvery(), clock, forwards);
    opened.push(writer);
    Optional<AuditSweeper> sweeper =
        audit.retentionDays() > 0
            ? Optional.of(
                new AuditSweeper(
                    store, Duration.ofDays(audit.retentionDays()), clock, Duration.ofHours(1)))
            : Optional.empty();
    sweeper.ifPresent(opened::push);
    var views = new AuditViews(foundation.control());
    foundation.control().listen(new ControlAuditor(writer, views::all, views::of, clock));
    var listener =
        new AuditListener(
            writer,
            local ->
                foundation.snapshots().get().privateEndpointAt(local).map(PrivateEndpoint::name),
            clock);
    Optional<TraceFile> traceFile =
        audit.traceLog() && directory.isPresent()
            ? Optional.of(
                TraceFile.open(TraceFile.of(directory.get(), stream), audit.fileRotation()))
            : Optional.empty();
    traceFile.ifPresent(opened::push);
    List<Consumer<List<TraceRecord>>> traceSinks = new ArrayList<>();
    traceFile.ifPresent(f -> traceSinks.add(f::write));
    export.ifPresent(x -> traceSinks.add(x::traces));
    Optional<TraceLog> traces =
        audit.traceLog()
            ? Optional.of(
                new TraceLog(
                    foundation.store().traces(),
                    TraceLog.DEFAULT_QUEUE,
                    audit.traceRetention(),
                    clock,
                    traceSinks))
            : Optional.empty();
    traces.ifPresent(opened::push);
    Duration every =
        audit.traceRetention().compareTo(TRACE_SWEEP) < 0 ? audit.traceRetention() : TRACE_SWEEP;
    Optional<Periodic> traceSweeper =
        traces.map(t -> Periodic.sweep("lazurite-trace-sweeper", every, "trace records", t::sweep));
    traceSweeper.ifPresent(opened::push);
    var admin =
        new AuditAdminHandler(
            new AuditLog(store, signer, directory),
            writer,
            traces,
            foundation.admin().guard(),
            clock);
    List<PipelineListener> listeners =
        traces
            .<List<PipelineListener>>map(t -> List.of(listener, new TraceListener(t, clock)))
            .orElse(List.of(listener));
    return new AuditWiring(
        writer,
        PipelineListener.of(listeners),
        admin,
        sweeper,
        export,
        traces,
        traceSweeper,
        traceFile);
  }

  /** Counts the dropped trace records as {@code lazurite_trace_records_dropped_total}. */
  public void metrics(Optional<? extends MeterRegistry> registry) {
    traces.ifPresent(
        t ->
            registry.ifPresent(
                r ->
                    FunctionCounter.builder("lazurite.trace.records.dropped", t, TraceLog::dropped)
                        .description("Trace records dropped rather than slow requests")
                        .register(r)));
  }

  /** The trace log, when the {@code Trace} category is on. */
  public Optional<TraceLog> traces() {
    return traces;
  }

  private static void closeQuietly(TraceFile file) {
    try {
      file.close();
    } catch (IOException e) {
      LOG.error("could not close {}", file.path(), e);
    }
  }

  /** This instance's stream: named once, kept in the data directory. */
  private static String stream(Path dataDir) throws IOException {
    Path file = dataDir.resolve(STREAM_FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] id = new byte[8];
    new SecureRandom().nextBytes(id);
    String stream = HexFormat.of().formatHex(id);
    Files.writeString(file, stream, StandardCharsets.UTF_8);
    return stream;
  }

  /** The audit and trace listeners of the data plane. */
  public PipelineListener listener() {
    return listener;
  }

  public AuditWriter writer() {
    return writer;
  }

  /** The OTLP log export of audit records and captures, when configured. */
  public Optional<AuditLogExport> export() {
    return export;
  }

  public void routing(HttpRouting.Builder routing) {
    admin.routing(routing);
  }

  /**
   * Stops the sweepers and writes every record accepted so far, the audit stream with a closing
   * checkpoint.
   */
  @Override
  public void close() {
    sweeper.ifPresent(AuditSweeper::close);
    traceSweeper.ifPresent(Periodic::close);
    writer.close();
    traces.ifPresent(TraceLog::close);
    traceFile.ifPresent(AuditWiring::closeQuietly);
    export.ifPresent(AuditLogExport::close);
  }
}
