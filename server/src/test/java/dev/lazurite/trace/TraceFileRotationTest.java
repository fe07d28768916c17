package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.json.FileRotation;
import dev.lazurite.json.RotatingLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace file rotates by size and keeps only the newest segments. */
class TraceFileRotationTest {
  @TempDir Path dir;

  static TraceRecord record(int i) {
    return new TraceRecord(
        Instant.parse("2026-12-06T10:00:00Z").plusMillis(i),
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a",
        "ChatCompletions_Create",
        "200",
        12,
        "req-" + i,
        "a/key1",
        "gpt-4o",
        "gpt-4o",
        false,
        5.5,
        "",
        List.of(),
        List.of(),
        0);
  }

  @Test
  void rotatesBySizeAndDeletesSegmentsBeyondTheRetentionCount() throws Exception {
    Path path = TraceFile.of(dir.resolve("audit"), "s1");
    try (var file = TraceFile.open(path, new FileRotation(4 * 1024, 2))) {
      for (int batch = 0; batch < 40; batch++) {
        List<TraceRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          records.add(record(batch * 5 + i));
        }
        file.write(records);
      }
    }
    List<Path> segments = RotatingLines.segments(path);
    assertThat(segments)
        .extracting(p -> p.getFileName().toString())
        .hasSize(2)
        .allMatch(name -> name.matches("trace-s1\\.[0-9]+\\.jsonl"));
    assertThat(Files.size(segments.getFirst())).isGreaterThanOrEqualTo(4 * 1024);
    // Read in order, the kept segments and the current file hold the newest records one after the
    // other; the oldest are gone.
    List<Integer> kept = new ArrayList<>();
    for (Path p : RotatingLines.all(path)) {
      Files.readAllLines(p).forEach(line -> kept.add(index(line)));
    }
    assertThat(kept.getFirst()).isGreaterThan(0);
    assertThat(kept.getLast()).isEqualTo(199);
    for (int i = 1; i < kept.size(); i++) {
      assertThat(kept.get(i)).isEqualTo(kept.get(i - 1) + 1);
    }
  }

  @Test
  void withoutARotationSizeTheFileGrows() throws Exception {
    Path path = TraceFile.of(dir.resolve("audit"), "s2");
    try (var file = TraceFile.open(path, FileRotation.NEVER)) {
      for (int i = 0; i < 100; i++) {
        file.write(List.of(record(i)));
      }
    }
    assertThat(RotatingLines.segments(path)).isEmpty();
    assertThat(Files.readAllLines(path)).hasSize(100);
  }

  @Test
  void segmentsAreOrderedByNumberNotByName() throws Exception {
    Path path = dir.resolve("trace-s3.jsonl");
    for (int n : new int[] {10, 9, 2, 11}) {
      Files.writeString(dir.resolve("trace-s3." + n + ".jsonl"), "{}\n");
    }
    Files.writeString(dir.resolve("trace-s3.x.jsonl"), "{}\n");
    Files.writeString(dir.resolve("trace-s33.1.jsonl"), "{}\n");
    assertThat(RotatingLines.segments(path))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "trace-s3.2.jsonl", "trace-s3.9.jsonl", "trace-s3.10.jsonl", "trace-s3.11.jsonl");
    assertThat(RotatingLines.isSegment(dir.resolve("trace-s3.10.jsonl"))).isTrue();
    assertThat(RotatingLines.isSegment(path)).isFalse();
    assertThat(RotatingLines.isSegment(dir.resolve("trace-s3.x.jsonl"))).isFalse();
  }

  private static int index(String line) {
    int at = line.indexOf("\"req-") + 5;
    return Integer.parseInt(line.substring(at, line.indexOf('"', at)));
  }
}
