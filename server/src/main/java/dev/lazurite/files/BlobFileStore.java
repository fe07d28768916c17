package dev.lazurite.files;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.lazurite.blob.BlobAccounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contents in Azure Blob Storage: a container per resource ({@link BlobContainerNames}), a block
 * blob per id. A content is staged block by block as it arrives and committed only once complete
 * and within its limit, so a failed or oversized upload leaves no blob; at most one block is held
 * in memory.
 */
public final class BlobFileStore implements FileStore {
  /** Bytes per staged block: 50,000 blocks make the largest content 200 GiB. */
  static final int BLOCK = 4 << 20;

  private final BlobServiceClient service;
  private final Map<String, BlobContainerClient> containers = new ConcurrentHashMap<>();

  public BlobFileStore(BlobServiceClient service) {
    this.service = service;
  }

  @Override
  public long write(String resource, String id, InputStream content, long maxBytes)
      throws IOException {
    BlockBlobClient blob = blob(resource, id, true);
    List<String> blocks = new ArrayList<>();
    // One byte past a small limit is enough to see it exceeded.
    byte[] buffer = new byte[maxBytes >= BLOCK ? BLOCK : (int) Math.max(0, maxBytes) + 1];
    long written = 0;
    try {
      while (true) {
        int filled = content.readNBytes(buffer, 0, buffer.length);
        if (filled == 0) {
          break;
        }
        written += filled;
        if (written > maxBytes) {
          throw new FileTooLargeException(maxBytes);
        }
        String block = blockId(blocks.size());
        blob.stageBlock(block, new ByteArrayInputStream(buffer, 0, filled), filled);
        blocks.add(block);
      }
      blob.commitBlockList(blocks, true);
      return written;
    } catch (BlobStorageException e) {
      deleteQuietly(blob);
      throw failure("store", id, e);
    } catch (IOException | RuntimeException e) {
      // Staged blocks that are never committed are not a blob; Azure drops them after a week.
      deleteQuietly(blob);
      throw e;
    }
  }

  @Override
  public InputStream open(String resource, String id) throws IOException {
    BlockBlobClient blob = blob(resource, id, false);
    try {
      return blob.openInputStream();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        throw new NoSuchFileException(id);
      }
      throw failure("read", id, e);
    }
  }

  @Override
  public void delete(String resource, String id) throws IOException {
    BlockBlobClient blob = blob(resource, id, false);
    try {
      blob.deleteIfExists();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() != 404) {
        throw failure("delete", id, e);
      }
    }
  }

  @Override
  public String describe() {
    return "Azure Blob Storage at " + BlobAccounts.endpoint(service);
  }

  @Override
  public void close() {}

  private BlockBlobClient blob(String resource, String id, boolean create) throws IOException {
    if (!FileIds.isSafe(resource) || !FileIds.isSafe(id)) {
      throw new IllegalArgumentException("not a file id: " + id);
    }
    BlobContainerClient container =
        containers.computeIfAbsent(
            resource, r -> service.getBlobContainerClient(BlobContainerNames.of(r)));
    if (create) {
      try {
        container.createIfNotExists();
      } catch (BlobStorageException e) {
        throw failure("create the container for", id, e);
      }
    }
    return container.getBlobClient(id).getBlockBlobClient();
  }

  private static void deleteQuietly(BlockBlobClient blob) {
    try {
      blob.deleteIfExists();
    } catch (RuntimeException e) {
      // The upload already failed; that failure is the one reported.
    }
  }

  /** Block ids of one blob must all have the same length. */
  private static String blockId(int index) {
    return Base64.getEncoder()
        .encodeToString("%08d".formatted(index).getBytes(StandardCharsets.US_ASCII));
  }

  /** Names the status and Azure's error code; the request (and any signature in it) stays out. */
  private static IOException failure(String action, String id, BlobStorageException e) {
    return new IOException(
        "Blob Storage could not %s %s: %d %s"
            .formatted(action, id, e.getStatusCode(), e.getErrorCode()));
  }
}
