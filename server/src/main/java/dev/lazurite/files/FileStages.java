package dev.lazurite.files;

import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.RouteTemplate;
import dev.lazurite.pipeline.Stage;
import java.util.Map;

/**
 * The Files API's stages, each answering one operation on the caller's own resource: a file of
 * another resource is not found, exactly as one that never existed.
 */
public final class FileStages {
  private FileStages() {}

  /** The stage of each files operation. */
  public static Map<Operation, Stage> of(FileService files, FileLimits limits) {
    return Map.of(
        Operation.FILES_UPLOAD, new UploadStage(files, limits),
        Operation.FILES_LIST, new ListStage(files),
        Operation.FILES_GET, new GetStage(files),
        Operation.FILES_DELETE, new DeleteStage(files),
        Operation.FILES_CONTENT, new ContentStage(files));
  }

  static String resource(Exchange exchange) {
    return exchange.account().account().name();
  }

  static String fileId(Exchange exchange) {
    return exchange.route().param(RouteTemplate.FILE_ID).orElseThrow();
  }
}
