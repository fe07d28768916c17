package dev.lazurite.files;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.RouteTemplate;
import dev.lazurite.pipeline.Stage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Files API's stages, each answering one operation on the caller's own resource: a file of
 * another resource is not found, exactly as one that never existed.
 */
public final class FileStages {
  private static final Logger LOG = LoggerFactory.getLogger(FileStages.class);

  private FileStages() {}

  /** The stage of each files operation. */
  public static Map<Operation, Stage> of(FileService files, FileLimits limits) {
    return Map.of(
        Operation.FILES_UPLOAD, new UploadStage(files, limits),
        Operation.FILES_LIST, new ListStage(files),
        Operation.FILES_GET,
            (Stage)
                (exchange, chain) -> {
                  String id = fileId(exchange);
                  return Response.Json.ok(
                      FileJson.file(
                          files
                              .find(resource(exchange), id)
                              .orElseThrow(() -> FileErrors.notFound(id))));
                },
        Operation.FILES_DELETE,
            (Stage)
                (exchange, chain) -> {
                  String id = fileId(exchange);
                  try {
                    if (!files.delete(resource(exchange), id)) {
                      throw FileErrors.notFound(id);
                    }
                  } catch (IOException e) {
                    LOG.warn("file {} could not be removed: {}", id, e.toString());
                  }
                  return Response.Json.ok(FileJson.deleted(id));
                },
        Operation.FILES_CONTENT,
            (Stage)
                (exchange, chain) -> {
                  String id = fileId(exchange);
                  Optional<FileService.Content> content;
                  try {
                    content = files.open(resource(exchange), id);
                  } catch (NoSuchFileException e) {
                    content = Optional.empty();
                  } catch (IOException e) {
                    LOG.warn("file {} could not be read: {}", id, e.toString());
                    throw ApiException.of(ErrorCode.INTERNAL);
                  }
                  FileService.Content open = content.orElseThrow(() -> FileErrors.notFound(id));
                  return Response.Bytes.of(
                      "application/octet-stream", open.file().bytes(), open.stream());
                });
  }

  private static String resource(dev.lazurite.pipeline.Exchange exchange) {
    return exchange.account().account().name();
  }

  private static String fileId(dev.lazurite.pipeline.Exchange exchange) {
    return exchange.route().param(RouteTemplate.FILE_ID).orElseThrow();
  }
}
