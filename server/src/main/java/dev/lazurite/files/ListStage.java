package dev.lazurite.files;

import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /openai/files}: a resource's files, newest first unless {@code order=asc}, at most
 * {@code limit} (1 to 10,000, default 10,000) after the {@code after} cursor, of one {@code
 * purpose} when given. A purpose Azure does not know ({@code vision}, {@code user_data}) is Azure's
 * {@code Invalid value for purpose.}
 */
final class ListStage implements Stage {
  static final int MAX_LIMIT = 10_000;

  private final FileService files;

  ListStage(FileService files) {
    this.files = files;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    var request = exchange.request();
    Optional<FilePurpose> purpose =
        request
            .queryParam("purpose")
            .map(
                p ->
                    FilePurpose.fromWire(p)
                        .orElseThrow(() -> FileErrors.invalid(FileErrors.INVALID_PURPOSE)));
    int limit = request.queryParam("limit").map(ListStage::limit).orElse(MAX_LIMIT);
    boolean ascending =
        switch (request.queryParam("order").orElse("desc")) {
          case "asc" -> true;
          case "desc" -> false;
          default ->
              throw FileErrors.invalid("Invalid value for order: it must be 'asc' or 'desc'.");
        };
    Optional<String> after = request.queryParam("after").filter(a -> !a.isEmpty());
    List<FileObject> page =
        files.list(exchange.account().account().name(), purpose, after, limit + 1, ascending);
    boolean hasMore = page.size() > limit;
    return Response.Json.ok(FileJson.list(hasMore ? page.subList(0, limit) : page, hasMore));
  }

  private static int limit(String value) {
    String message = "Invalid value for limit: it must be a number from 1 to " + MAX_LIMIT + ".";
    int limit;
    try {
      limit = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw FileErrors.invalid(message);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw FileErrors.invalid(message);
    }
    return limit;
  }
}
