package dev.lazurite.files;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /openai/files/{file-id}/content}: the raw bytes as {@code application/octet-stream},
 * streamed from storage as they are written.
 */
final class ContentStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ContentStage.class);

  private final FileService files;

  ContentStage(FileService files) {
    this.files = files;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    String id = FileStages.fileId(exchange);
    Optional<FileService.Content> content;
    try {
      content = files.open(FileStages.resource(exchange), id);
    } catch (NoSuchFileException e) {
      content = Optional.empty();
    } catch (IOException e) {
      LOG.warn("file {} could not be read: {}", id, e.toString());
      throw ApiException.of(ErrorCode.INTERNAL);
    }
    FileService.Content open = content.orElseThrow(() -> FileErrors.notFound(id));
    return Response.Bytes.of("application/octet-stream", open.file().bytes(), open.stream());
  }
}
