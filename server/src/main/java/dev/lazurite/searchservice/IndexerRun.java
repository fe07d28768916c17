package dev.lazurite.searchservice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.ingest.Ingestor;
import dev.lazurite.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * One execution of an indexer, as {@code search.status} reports it.
 *
 * @param status {@code inProgress}, {@code success}, {@code transientFailure} or {@code reset}
 */
record IndexerRun(
    String status,
    String errorMessage,
    Instant startTime,
    Instant endTime,
    int itemsProcessed,
    int itemsFailed,
    List<String> errors) {
  IndexerRun {
    errors = List.copyOf(errors);
  }

  static IndexerRun started(Instant now) {
    return new IndexerRun("inProgress", null, now, null, 0, 0, List.of());
  }

  static IndexerRun reset(Instant now) {
    return new IndexerRun("reset", null, now, now, 0, 0, List.of());
  }

  IndexerRun finished(Ingestor.Report report, Instant now) {
    return new IndexerRun(
        "success",
        null,
        startTime,
        now,
        report.indexed() + report.unchanged() + report.removed(),
        report.failures().size(),
        report.failures());
  }

  IndexerRun failed(String message, Instant now) {
    return new IndexerRun("transientFailure", message, startTime, now, 0, 0, List.of());
  }

  ObjectNode json() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("status", status);
    out.putNull("statusDetail");
    out.put("errorMessage", errorMessage);
    out.put("startTime", startTime.toString());
    out.put("endTime", endTime == null ? null : endTime.toString());
    out.put("itemsProcessed", itemsProcessed);
    out.put("itemsFailed", itemsFailed);
    out.putNull("initialTrackingState");
    out.putNull("finalTrackingState");
    var array = out.putArray("errors");
    for (String e : errors) {
      int colon = e.indexOf(": ");
      ObjectNode item = array.addObject();
      item.put("key", colon < 0 ? e : e.substring(0, colon));
      item.put("errorMessage", colon < 0 ? e : e.substring(colon + 2));
      item.put("statusCode", 400);
      item.putNull("name");
      item.putNull("details");
      item.putNull("documentationLink");
    }
    out.putArray("warnings");
    return out;
  }
}
