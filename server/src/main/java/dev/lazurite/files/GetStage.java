package dev.lazurite.files;

import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;

/** {@code GET /openai/files/{file-id}}: the caller's resource's file object. */
final class GetStage implements Stage {
  private final FileService files;

  GetStage(FileService files) {
    this.files = files;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    String id = FileStages.fileId(exchange);
    return Response.Json.ok(
        FileJson.file(
            files
                .find(FileStages.resource(exchange), id)
                .orElseThrow(() -> FileErrors.notFound(id))));
  }
}
