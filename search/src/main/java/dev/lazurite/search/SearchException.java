package dev.lazurite.search;

/**
 * A failure the search client sees, rendered as {@code {"error":{"code","message"}}} with its HTTP
 * status. The service leaves {@code code} empty for most request errors, as Azure AI Search does.
 */
public final class SearchException extends RuntimeException {
  private final int status;
  private final String code;

  public SearchException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static SearchException badRequest(String message) {
    return new SearchException(400, "", message);
  }

  /** An invalid index definition, worded as the service words them. */
  public static SearchException invalidDefinition(String detail) {
    return badRequest("The request is invalid. Details: definition : " + detail);
  }

  public static SearchException indexNotFound(String index, String service) {
    return new SearchException(
        404,
        "",
        "No index with the name '" + index + "' was found in the service '" + service + "'.");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
