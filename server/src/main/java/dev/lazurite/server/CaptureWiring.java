package dev.lazurite.server;

import dev.lazurite.capture.Capture;
import dev.lazurite.capture.CaptureAdminHandler;
import dev.lazurite.capture.CaptureService;
import dev.lazurite.capture.CaptureStage;
import dev.lazurite.capture.CaptureSweeper;
import dev.lazurite.capture.CaptureWriter;
import dev.lazurite.observability.AuditLogExport;
import dev.lazurite.pipeline.Stage;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Request/response capture: the policies (kept in step with the snapshot), the data-plane stage,
 * the writer to the store (and the OTLP log export, when on), the retention sweeper and the admin
 * routes.
 */
public final class CaptureWiring implements AutoCloseable {
  private final CaptureService service;
  private final CaptureWriter writer;
  private final CaptureStage stage;
  private final CaptureSweeper sweeper;
  private final CaptureAdminHandler admin;

  private CaptureWiring(
      CaptureService service,
      CaptureWriter writer,
      CaptureStage stage,
      CaptureSweeper sweeper,
      CaptureAdminHandler admin) {
    this.service = service;
    this.writer = writer;
    this.stage = stage;
    this.sweeper = sweeper;
    this.admin = admin;
  }

  static CaptureWiring start(
      Clock clock,
      Foundation foundation,
      Optional<AuditLogExport> export,
      Deque<AutoCloseable> opened) {
    var store = foundation.store().captures();
    var service =
        new CaptureService(store, foundation.store().control(), foundation.control().writer());
    foundation.control().listen(service);
    List<Consumer<Capture>> forwards =
        export.<List<Consumer<Capture>>>map(x -> List.of(x::capture)).orElse(List.of());
    var writer = new CaptureWriter(store, forwards);
    opened.push(writer);
    var sweeper = new CaptureSweeper(store, clock, Duration.ofHours(1));
    opened.push(sweeper);
    return new CaptureWiring(
        service,
        writer,
        new CaptureStage(service, writer, clock),
        sweeper,
        new CaptureAdminHandler(service, store, writer, foundation.admin().guard(), clock));
  }

  public CaptureService service() {
    return service;
  }

  public CaptureWriter writer() {
    return writer;
  }

  /** The data-plane stage, placed right after the deployment is known. */
  public Stage stage() {
    return stage;
  }

  public void routing(HttpRouting.Builder routing) {
    admin.routing(routing);
  }

  /** Stops the sweeper and stores every capture taken so far. */
  @Override
  public void close() {
    sweeper.close();
    writer.close();
  }
}
