package dev.lazurite.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The one exception every stage, backend and route throws for an expected failure. It carries what
 * the client sees; internal causes never reach the client.
 */
public final class ApiException extends RuntimeException {
  private final ErrorCode errorCode;
  private final String param;
  private final String detailCode;
  private final java.util.Map<String, String> headers;
  private final com.fasterxml.jackson.databind.node.ObjectNode filterResult;

  private ApiException(ErrorCode errorCode, String message, String param, String detailCode) {
    this(errorCode, message, param, detailCode, java.util.Map.of(), null);
  }

  private ApiException(
      ErrorCode errorCode,
      String message,
      String param,
      String detailCode,
      java.util.Map<String, String> headers,
      com.fasterxml.jackson.databind.node.ObjectNode filterResult) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
    this.param = param;
    this.detailCode = detailCode;
    this.headers = java.util.Map.copyOf(headers);
    this.filterResult = filterResult;
  }

  /** The same error with response headers it must carry (e.g. {@code Retry-After}). */
  public ApiException withHeaders(java.util.Map<String, String> extra) {
    var merged = new java.util.LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new ApiException(errorCode, getMessage(), param, detailCode, merged, filterResult);
  }

  public java.util.Map<String, String> headers() {
    return headers;
  }

  public static ApiException of(ErrorCode code, Object... args) {
    return new ApiException(code, code.message(args), null, null);
  }

  /** An OpenAI-shaped 400 with its {@code param} and {@code code} fields. */
  public static ApiException invalid(String message, String param, String detailCode) {
    return new ApiException(ErrorCode.INVALID_REQUEST, message, param, detailCode);
  }

  public static ApiException withDetail(
      ErrorCode code, String message, String param, String detailCode) {
    return new ApiException(code, message, param, detailCode);
  }

  /**
   * Azure's 400 for a prompt its content filter policy blocks.
   *
   * @param result the prompt's {@code content_filter_result}
   */
  public static ApiException contentFilter(com.fasterxml.jackson.databind.node.ObjectNode result) {
    return new ApiException(
        ErrorCode.CONTENT_FILTER,
        ErrorCode.CONTENT_FILTER.message(),
        "prompt",
        ErrorCode.CONTENT_FILTER.code(),
        java.util.Map.of(),
        result.deepCopy());
  }

  /** The same prompt block in the Responses layout ({@code content_filters}). */
  public ApiException asResponsesContentFilter() {
    return new ApiException(
        ErrorCode.RESPONSES_CONTENT_FILTER,
        ErrorCode.RESPONSES_CONTENT_FILTER.message(),
        param,
        ErrorCode.RESPONSES_CONTENT_FILTER.code(),
        headers,
        filterResult);
  }

  /** The {@code content_filter_result} of a content filter error. */
  public Optional<com.fasterxml.jackson.databind.node.ObjectNode> filterResult() {
    return Optional.ofNullable(filterResult).map(r -> r.deepCopy());
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public Optional<String> param() {
    return Optional.ofNullable(param);
  }

  public Optional<String> detailCode() {
    return Optional.ofNullable(detailCode);
  }
}
