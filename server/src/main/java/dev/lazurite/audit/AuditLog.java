package dev.lazurite.audit;

import dev.lazurite.json.RotatingLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
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
      results.add(
          store.readLines(
              stream,
              lines ->
                  AuditFile.verifyLines(
                      numbered(lines), checkpoints, verifier, Optional.of(stream))));
    }
    return results;
  }

  /**
   * Verifies every stream's JSON-lines files in the files directory, each stream's rotated segments
   * and current file read in order as one.
   */
  public List<Verification> verifyFiles() throws IOException {
    List<Verification> results = new ArrayList<>();
    if (files.isEmpty() || !Files.isDirectory(files.get())) {
      return results;
    }
    var verifier = new AuditVerifier(signer::verify);
    SortedSet<Path> currents = new TreeSet<>();
    try (var listing = Files.list(files.get())) {
      listing.filter(AuditLog::isAuditFile).map(AuditLog::current).forEach(currents::add);
    }
    for (Path current : currents) {
      List<Path> set = RotatingLines.all(current).stream().filter(Files::exists).toList();
      results.add(AuditFile.verify(set, verifier));
    }
    return results;
  }

  /** Stored lines numbered from 1, as a file's lines are. */
  private static Iterator<AuditFile.Line> numbered(Iterator<String> lines) {
    return new Iterator<>() {
      private long number;

      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public AuditFile.Line next() {
        return new AuditFile.Line(lines.next(), ++number);
      }
    };
  }

  static boolean isAuditFile(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("audit-") && name.endsWith(".jsonl");
  }

  /**
   * The current file a rotated segment belongs to ({@code audit-s.3.jsonl} → {@code
   * audit-s.jsonl}).
   */
  private static Path current(Path file) {
    if (!RotatingLines.isSegment(file)) {
      return file;
    }
    String name = file.getFileName().toString();
    String base = name.substring(0, name.length() - ".jsonl".length());
    return file.resolveSibling(base.substring(0, base.lastIndexOf('.')) + ".jsonl");
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
