package dev.lazurite.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit log as a whole: every stream in the store, this instance's JSON-lines files, and how to
 * verify, query and export them.
 *
 * @param files the directory of the JSON-lines files, if that sink is on
 */
public record AuditLog(AuditStore store, CheckpointSigner signer, Optional<Path> files) {
  /** Verifies every stream in the store. */
  public List<Verification> verifyStore() {
    List<Verification> results = new ArrayList<>();
    var verifier = new AuditVerifier(signer::verify);
    for (String stream : store.streams()) {
      List<Checkpoint> checkpoints = store.checkpoints(stream);
      results.add(store.read(stream, records -> verifier.verify(stream, records, checkpoints)));
    }
    return results;
  }

  /** Verifies every JSON-lines file in the files directory. */
  public List<Verification> verifyFiles() throws IOException {
    List<Verification> results = new ArrayList<>();
    if (files.isEmpty() || !Files.isDirectory(files.get())) {
      return results;
    }
    var verifier = new AuditVerifier(signer::verify);
    try (var listing = Files.list(files.get())) {
      for (Path file : listing.filter(AuditLog::isAuditFile).sorted().toList()) {
        results.add(AuditFile.verify(file, verifier));
      }
    }
    return results;
  }

  static boolean isAuditFile(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("audit-") && name.endsWith(".jsonl");
  }

  /** Every stored record, stream by stream, in order. */
  public void export(Consumer<AuditRecord> out) {
    for (String stream : store.streams()) {
      store.read(
          stream,
          records -> {
            records.forEachRemaining(out);
            return null;
          });
    }
  }
}
