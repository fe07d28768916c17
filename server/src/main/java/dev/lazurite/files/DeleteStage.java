package dev.lazurite.files;

import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /openai/files/{file-id}}: the file is gone once its record is; a content that could
 * not be removed is logged and left for the operator.
 */
final class DeleteStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(DeleteStage.class);

  private final FileService files;

  DeleteStage(FileService files) {
    this.files = files;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    String id = FileStages.fileId(exchange);
    try {
      if (!files.delete(FileStages.resource(exchange), id)) {
        throw FileErrors.notFound(id);
      }
    } catch (IOException e) {
      LOG.warn("the content of deleted file {} could not be removed: {}", id, e.toString());
    }
    return Response.Json.ok(FileJson.deleted(id));
  }
}
