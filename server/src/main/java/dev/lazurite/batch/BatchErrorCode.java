package dev.lazurite.batch;

/** The codes a batch fails validation with, and Azure's message for each. */
public enum BatchErrorCode {
  INVALID_JSON_LINE(
      "invalid_json_line",
      "A line (or multiple) in your input file wasn't able to be parsed as valid json. Please"
          + " ensure no typos, proper opening and closing brackets, and quotes as per JSON standard,"
          + " and resubmit the request."),
  TOO_MANY_TASKS(
      "too_many_tasks",
      "The number of requests in the input file exceeds the maximum allowed value of 100,000."
          + " Please ensure your total requests are under 100,000 and resubmit the job."),
  EMPTY_FILE(
      "empty_file",
      "The input file is empty. Please ensure that the batch contains at least one request."),
  URL_MISMATCH(
      "url_mismatch",
      "Either a row in your input file has a URL that doesn’t match the rest of the rows, or the"
          + " URL specified in the input file doesn’t match the expected endpoint URL. Please ensure"
          + " all request URLs are the same, and that they match the endpoint URL associated with"
          + " your Azure OpenAI deployment."),
  MODEL_NOT_FOUND(
      "model_not_found",
      "The Azure OpenAI model deployment name that was specified in the model property of the"
          + " input file wasn't found. Please ensure this name points to a valid Azure OpenAI model"
          + " deployment."),
  MODEL_MISMATCH(
      "model_mismatch",
      "The Azure OpenAI model deployment name that was specified in the model property of this"
          + " request in the input file doesn't match the rest of the file. Please ensure that all"
          + " requests in the batch point to the same AOAI model deployment in the model property"
          + " of the request."),
  INVALID_REQUEST(
      "invalid_request",
      "The schema of the input line is invalid or the deployment SKU is invalid. Please ensure the"
          + " properties of the request in your input file match the expected input properties, and"
          + " that the Azure OpenAI deployment SKU is globalbatch for batch API requests."),
  DUPLICATE_CUSTOM_ID(
      "duplicate_custom_id",
      "The custom ID for this request is a duplicate of the custom ID in another request.");

  private final String wire;
  private final String message;

  BatchErrorCode(String wire, String message) {
    this.wire = wire;
    this.message = message;
  }

  public String wire() {
    return wire;
  }

  public String message() {
    return message;
  }
}
