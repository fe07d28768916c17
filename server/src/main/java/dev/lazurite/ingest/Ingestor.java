package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Crawls a folder or another {@link DocumentSource} into an index: parses each supported file,
 * chunks it, embeds the chunks and uploads them with their title, path, URL and chunk id. Files
 * indexed whole from the same content (see {@link Manifest}; the version is a content hash or a
 * blob's ETag) are skipped; changed files and files a stopped run left incomplete are indexed
 * again; removed files deleted; a file that cannot be parsed is reported and skipped.
 */
public final class Ingestor {
  private static final int BATCH = 64;

  /** What happened to the files. */
  public record Report(
      int files, int indexed, int unchanged, int removed, int chunks, List<String> failures) {}

  /** Told about each file as it is handled. */
  public interface Progress {
    void start(int files);

    void step(String file);
  }

  private final DocumentParser parser;
  private final Chunker chunker;

  public Ingestor(DocumentParser parser, Chunker chunker) {
    this.parser = parser;
    this.chunker = chunker;
  }

  public Report run(Path folder, IngestTarget target, int dimensions, Progress progress)
      throws IOException {
    return run(new FolderSource(folder), target, dimensions, progress, false);
  }

  /**
   * @param everything re-index unchanged files too (after an indexer reset)
   */
  public Report run(
      Path folder, IngestTarget target, int dimensions, Progress progress, boolean everything)
      throws IOException {
    return run(new FolderSource(folder), target, dimensions, progress, everything);
  }

  /**
   * @param everything re-index unchanged documents too (after an indexer reset)
   */
  public Report run(
      DocumentSource source,
      IngestTarget target,
      int dimensions,
      Progress progress,
      boolean everything)
      throws IOException {
    target.ensureIndex(dimensions);
    List<SourceDocument> files = source.documents();
    Map<String, String> known = target.fileHashes();
    Map<String, Integer> held = target.chunkCounts();
    Set<String> seen = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    int indexed = 0;
    int unchanged = 0;
    int chunks = 0;
    progress.start(files.size());
    for (SourceDocument file : files) {
      String path = file.path();
      seen.add(path);
      progress.step(path);
      String hash;
      try {
        hash = file.version();
      } catch (IOException | RuntimeException e) {
        failures.add(path + ": " + e.getMessage());
        continue;
      }
      if (!everything && complete(hash, known.get(path), held.getOrDefault(path, 0))) {
        unchanged++;
        continue;
      }
      ParsedFile parsed;
      try (InputStream content = file.open()) {
        parsed = parser.parse(content, path);
      } catch (IOException | RuntimeException e) {
        failures.add(path + ": " + e.getMessage());
        continue;
      }
      // Also clears what a run that stopped mid-file left, whatever its version of the file.
      target.deleteFile(path);
      List<String> pieces = chunker.chunks(parsed.text());
      String manifest = pieces.isEmpty() ? "" : new Manifest(hash, pieces.size()).stored();
      ObjectNode first = null;
      List<ObjectNode> batch = new ArrayList<>();
      for (int i = 0; i < pieces.size(); i += BATCH) {
        List<String> slice = pieces.subList(i, Math.min(pieces.size(), i + BATCH));
        List<float[]> vectors = target.embed(slice);
        for (int j = 0; j < slice.size(); j++) {
          ObjectNode chunk =
              chunk(
                  file.url(), path, manifest, parsed.title(), i + j, slice.get(j), vectors.get(j));
          if (i + j == 0) {
            first = chunk;
          } else {
            batch.add(chunk);
          }
        }
        if (i + BATCH >= pieces.size() && first != null) {
          batch.add(first); // the manifest, last: a file without it is indexed again
        }
        target.upload(batch);
        batch.clear();
      }
      chunks += pieces.size();
      indexed++;
    }
    int removed = 0;
    // Every file with a chunk in the index: one a stopped run left without its manifest too.
    for (String gone : held.keySet()) {
      if (!seen.contains(gone)) {
        target.deleteFile(gone);
        removed++;
      }
    }
    return new Report(files.size(), indexed, unchanged, removed, chunks, failures);
  }

  /** Indexed whole from this content: its manifest matches and every chunk it names is there. */
  private static boolean complete(String hash, String stored, int chunksHeld) {
    var manifest = Manifest.parse(stored);
    return manifest.isPresent()
        && manifest.get().contentHash().equals(hash)
        && manifest.get().chunks() == chunksHeld;
  }

  private static ObjectNode chunk(
      String url,
      String path,
      String manifest,
      String title,
      int index,
      String text,
      float[] vector) {
    ObjectNode d = Json.MAPPER.createObjectNode();
    d.put("@search.action", "upload");
    d.put(
        "id",
        sha256(path.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32)
            + "_"
            + index);
    d.put("content", text);
    d.put("title", title);
    d.put("filepath", path);
    d.put("url", url);
    d.put("chunk_id", Integer.toString(index));
    d.put("content_hash", manifest);
    ArrayNode v = d.putArray("vector");
    for (float x : vector) {
      v.add(x);
    }
    return d;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
