package dev.lazurite.ingest;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The supported blobs of a Blob Storage container, optionally only those whose names start with a
 * prefix (a data source's {@code container.query}). A blob's version is its ETag, so an unchanged
 * blob is recognised from the listing alone, without downloading it.
 */
public record BlobSource(BlobContainerClient container, String prefix) implements DocumentSource {
  @Override
  public List<SourceDocument> documents() throws IOException {
    List<SourceDocument> out = new ArrayList<>();
    try {
      var options = new ListBlobsOptions();
      if (!prefix.isEmpty()) {
        options.setPrefix(prefix);
      }
      for (BlobItem item : container.listBlobs(options, null)) {
        if (Boolean.TRUE.equals(item.isPrefix())
            || Boolean.TRUE.equals(item.isDeleted())
            || !DocumentParser.supported(item.getName())) {
          continue;
        }
        String etag = item.getProperties().getETag();
        out.add(new Blob(container.getBlobClient(item.getName()), item.getName(), etag));
      }
    } catch (BlobStorageException e) {
      throw failure(container.getBlobContainerName(), e);
    } catch (RuntimeException e) {
      throw new IOException(
          "Blob Storage at "
              + container.getAccountUrl()
              + " cannot be reached: "
              + e.getClass().getSimpleName(),
          e);
    }
    out.sort(Comparator.comparing(SourceDocument::path));
    return out;
  }

  /** Azure's status and error code; the request, with its signature, stays out of the message. */
  static IOException failure(String name, BlobStorageException e) {
    return new IOException(
        "Blob Storage answered %d %s for '%s'"
            .formatted(e.getStatusCode(), e.getErrorCode(), name));
  }

  private record Blob(BlobClient client, String path, String etag) implements SourceDocument {
    @Override
    public String url() {
      // The SDK escapes the folder separators; Azure's metadata_storage_path keeps them.
      return client.getBlobUrl().replace("%2F", "/");
    }

    @Override
    public String version() {
      return "etag-" + etag.replace("\"", "").replace('/', '_');
    }

    @Override
    public InputStream open() throws IOException {
      try {
        return client.openInputStream();
      } catch (BlobStorageException e) {
        throw failure(path, e);
      }
    }
  }
}
