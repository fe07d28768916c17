package dev.lazurite.files;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /openai/files}: reads the upload form part by part and streams its {@code file} part
 * to storage. The purpose may come before or after the file: when it comes first, a bad purpose is
 * refused before the file is read and the file is held to its purpose's size limit as it arrives;
 * when it comes after, the file is held to the largest limit and checked once the form ends.
 * Whatever fails, nothing of the upload stays stored.
 */
final class UploadStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(UploadStage.class);

  /** What a form may hold besides its file: part headers, boundaries and text fields. */
  static final long FORM_OVERHEAD =
      (long) MultipartForm.MAX_PARTS * (MultipartForm.MAX_FIELD_BYTES + 1024);

  private final FileService files;
  private final FileLimits limits;

  UploadStage(FileService files, FileLimits limits) {
    this.files = files;
    this.limits = limits;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    String resource = exchange.account().account().name();
    InputStream body =
        exchange
            .request()
            .bodyStream()
            .orElseThrow(() -> new IllegalStateException("an upload's body is streamed"));
    String contentType = exchange.request().header("content-type").orElse("");
    long declared = declaredLength(exchange);
    if (declared > limits.largest() + FORM_OVERHEAD) {
      // Refused before a byte of it is read: no purpose allows a file this large.
      throw FileErrors.tooLarge(limits.largest());
    }
    FileService.Staged staged = null;
    boolean committed = false;
    try {
      MultipartForm form = MultipartForm.read(contentType, body);
      var fields = new UploadFields();
      String filename = null;
      for (Optional<MultipartForm.Part> next = form.next(); next.isPresent(); next = form.next()) {
        MultipartForm.Part part = next.get();
        if (!part.name().equals("file")) {
          fields.put(part.name(), part.text());
          fields.purpose(); // a bad purpose is refused at once
          continue;
        }
        if (staged != null) {
          throw FileErrors.invalid("Only one file may be uploaded at a time.");
        }
        filename = Filenames.check(part.filename().orElse(null));
        Optional<FilePurpose> purpose = fields.purpose();
        long max = purpose.map(limits::maxBytes).orElse(limits.largest());
        String id = FileIds.upload(purpose.orElse(FilePurpose.BATCH));
        try {
          staged = files.stage(resource, id, part.content(), max);
        } catch (FileTooLargeException e) {
          throw purpose.isPresent()
              ? FileErrors.tooLarge(purpose.get(), max)
              : FileErrors.tooLarge(max);
        }
      }
      if (staged == null) {
        throw FileErrors.invalid("The 'file' field is required.");
      }
      FilePurpose purpose = fields.requirePurpose();
      OptionalLong expiry = fields.expiresAfterSeconds();
      if (staged.bytes() > limits.maxBytes(purpose)) {
        throw FileErrors.tooLarge(purpose, limits.maxBytes(purpose));
      }
      checkCount(resource, purpose, expiry);
      FileObject file = files.commit(staged, purpose, filename, expiry);
      committed = true;
      return Response.Json.ok(FileJson.file(file));
    } catch (MultipartForm.Malformed e) {
      throw FileErrors.malformed();
    } catch (IOException e) {
      LOG.warn("upload to {} could not be stored: {}", resource, e.toString());
      throw ApiException.of(ErrorCode.INTERNAL);
    } finally {
      if (staged != null && !committed) {
        files.discard(staged);
      }
    }
  }

  private static long declaredLength(Exchange exchange) {
    try {
      return exchange.request().header("content-length").map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void checkCount(String resource, FilePurpose purpose, OptionalLong expiry) {
    if (purpose != FilePurpose.BATCH) {
      return;
    }
    long limit = expiry.isPresent() ? limits.batchFilesWithExpiry() : limits.batchFiles();
    long held = files.count(resource, List.of(FilePurpose.BATCH, FilePurpose.BATCH_OUTPUT));
    if (held >= limit) {
      throw FileErrors.tooManyBatchFiles(held, limits);
    }
  }
}
