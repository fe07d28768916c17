package dev.lazurite.error;

/**
 * Every error Lazurite returns, with its HTTP status, the shape of its body and the Azure message.
 *
 * <p>{@link Shape#AZURE} renders {@code {"error":{"code","message"}}}; {@link Shape#OPENAI} renders
 * the OpenAI-style {@code {"error":{"message","type","param","code"}}} that Azure passes through
 * from the model service; {@link Shape#EXACT} is the gateway's own layout, byte for byte (a space
 * after {@code "message":}).
 */
public enum ErrorCode {
  // Data plane: what Azure OpenAI answers.
  INVALID_KEY(
      401,
      Shape.AZURE,
      "401",
      "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a"
          + " valid key for an active subscription and use a correct regional API endpoint for your"
          + " resource."),
  INVALID_TOKEN(
      401,
      Shape.BARE,
      "401",
      "Unauthorized. Access token is missing, invalid, audience is incorrect"
          + " (https://cognitiveservices.azure.com), or have expired."),
  LOCAL_AUTH_DISABLED(
      403,
      Shape.AZURE,
      "AuthenticationTypeDisabled",
      "Key based authentication is disabled for this resource."),
  PERMISSION_DENIED(
      401,
      Shape.AZURE,
      "PermissionDenied",
      "The principal `%s` lacks the required data action `%s` to perform `%s %s` operation."),
  RESOURCE_NOT_FOUND(404, Shape.EXACT, "404", "Resource not found"),
  PUBLIC_ACCESS_DISABLED(
      403, Shape.EXACT, "403", "Public access is disabled. Please configure private endpoint."),
  NETWORK_DENIED(403, Shape.EXACT, "403", "Access denied due to Virtual Network/Firewall rules."),
  DEPLOYMENT_NOT_FOUND(
      404,
      Shape.AZURE,
      "DeploymentNotFound",
      "The API deployment for this resource does not exist. If you created the deployment within"
          + " the last 5 minutes, please wait a moment and try again."),
  OPERATION_NOT_SUPPORTED(
      400,
      Shape.AZURE,
      "OperationNotSupported",
      "The %s operation does not work with the specified model, %s. Please choose different model"
          + " and try again. You can learn more about which models can be used with each operation"
          + " here: https://go.microsoft.com/fwlink/?linkid=2197993."),
  INVALID_REQUEST(400, Shape.OPENAI, "invalid_request_error", "%s"),
  CONTENT_FILTER(
      400,
      Shape.CONTENT_FILTER,
      "content_filter",
      "The response was filtered due to the prompt triggering Azure OpenAI's content management"
          + " policy. Please modify your prompt and retry. To learn more about our content filtering"
          + " policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766"),
  CONTENT_FILTER_UNAVAILABLE(
      503,
      Shape.AZURE,
      "ContentFilterUnavailable",
      "The content filter could not assess this request, and this deployment's policy does not let"
          + " unfiltered requests through. Please retry."),
  PAYLOAD_TOO_LARGE(413, Shape.OPENAI, "invalid_request_error", "%s"),
  OUTBOUND_NOT_ALLOWED(
      400,
      Shape.AZURE,
      "OutboundDestinationNotAllowed",
      "The destination '%s' is not on this server's outbound allowlist; it was not contacted."),
  TOKEN_RATE_LIMITED(
      429,
      Shape.AZURE,
      "429",
      "Requests to the %s Operation under Azure OpenAI API version %s have exceeded token rate"
          + " limit of your current OpenAI %s pricing tier. Please retry after %d seconds. Please go"
          + " here: https://aka.ms/oai/quotaincrease if you would like to further increase the"
          + " default rate limit."),
  CALL_RATE_LIMITED(
      429,
      Shape.AZURE,
      "429",
      "Requests to the %s Operation under Azure OpenAI API version %s have exceeded call rate"
          + " limit of your current OpenAI %s pricing tier. Please retry after %d seconds. Please go"
          + " here: https://aka.ms/oai/quotaincrease if you would like to further increase the"
          + " default rate limit."),
  UPSTREAM_RATE_LIMITED(429, Shape.AZURE, "429", "%s"),
  BUDGET_EXCEEDED(
      429,
      Shape.AZURE,
      "BudgetExceeded",
      "The budget '%s' that covers this deployment has reached its amount for the current period"
          + " and blocks further requests. Raise the budget's amount or wait for its next period."),
  UPSTREAM_ERROR(502, Shape.AZURE, "BadGateway", "%s"),
  TIMEOUT(408, Shape.AZURE, "Timeout", "The operation was timeout."),
  SERVICE_UNAVAILABLE_NO_BACKEND(
      503,
      Shape.AZURE,
      "ServiceUnavailable",
      "No backend of this deployment may serve the request now. Please retry later."),
  SERVICE_UNAVAILABLE(
      503, Shape.AZURE, "ServiceUnavailable", "The server is shutting down. Please retry."),
  STORE_UNAVAILABLE(
      503,
      Shape.AZURE,
      "ServiceUnavailable",
      "The database is unreachable, so the change cannot be stored; requests are still served"
          + " with the settings in force. Please retry."),
  // Files: Azure's file errors (the authoring API's error codes).
  FILE_INVALID_PAYLOAD(400, Shape.AZURE, "invalidPayload", "%s"),
  FILE_NOT_FOUND(404, Shape.AZURE, "notFound", "File with id '%s' was not found."),
  FILE_QUOTA_EXCEEDED(400, Shape.AZURE, "quotaExceeded", "%s"),
  BATCH_NOT_FOUND(404, Shape.OPENAI, "invalid_request_error", "No batch found with id '%s'."),
  // Responses: the OpenAI model service's messages, passed through by Azure.
  RESPONSES_API_VERSION(
      400,
      Shape.OPENAI,
      "invalid_request_error",
      "Azure OpenAI Responses API is enabled only for api-version 2025-03-01-preview and later"),
  RESPONSE_NOT_FOUND(
      404, Shape.OPENAI, "invalid_request_error", "Response with id '%s' not found."),
  RESPONSES_CONTENT_FILTER(
      400,
      Shape.CONTENT_FILTERS,
      "content_filter",
      "The response was filtered due to the prompt triggering Azure OpenAI's content management"
          + " policy. Please modify your prompt and retry. To learn more about our content filtering"
          + " policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766"),
  ASSISTANTS_RETIRED(
      404,
      Shape.AZURE,
      "404",
      "Resource not found. The Assistants API is not served here: Azure retires it on 2026-08-26."
          + " Use the Responses API (POST /openai/v1/responses, or /openai/responses with"
          + " api-version 2025-03-01-preview or later) instead."),
  TOKEN_LIMIT_EXCEEDED(
      400,
      Shape.AZURE,
      "token_limit_exceeded",
      "The number of enqueued tokens has surpassed the configured limit of %s for the deployment"
          + " '%s'. Please either increase the limit or try again once the current jobs have"
          + " finished."),
  INTERNAL(
      500,
      Shape.AZURE,
      "InternalServerError",
      "The server had an error while processing your request. Sorry about that!"),

  // Control plane: what Azure Resource Manager answers.
  ARM_MISSING_AUTHORIZATION(
      401,
      Shape.AZURE,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is missing."),
  ARM_INVALID_TOKEN(401, Shape.AZURE, "InvalidAuthenticationToken", "The access token is invalid."),
  // ARM: role assignment validation, query filters, api-versions and soft-deleted accounts.
  ARM_INVALID_PRINCIPAL_ID(
      400,
      Shape.AZURE,
      "InvalidPrincipalId",
      "The Principal ID '%s' is not valid. Principal ID must be a GUID."),
  ARM_PRINCIPAL_NOT_FOUND(
      400,
      Shape.AZURE,
      "PrincipalNotFound",
      "Principal %s does not exist in the directory %s. Check that you have the correct principal"
          + " ID. If you are creating this principal and then immediately assigning a role, this"
          + " error might be related to a replication delay. In this case, set the role assignment"
          + " principalType property to a value, such as ServicePrincipal, User, or Group.  See"
          + " https://aka.ms/docs-principaltype"),
  ARM_INVALID_ROLE_ASSIGNMENT_ID(
      400,
      Shape.AZURE,
      "InvalidRoleAssignmentId",
      "The role assignment ID '%s' is not valid. The role assignment ID must be a GUID."),
  ARM_ROLE_DEFINITION_NOT_FOUND(
      404,
      Shape.AZURE,
      "RoleDefinitionDoesNotExist",
      "The specified role definition with ID '%s' does not exist."),
  ARM_UNSUPPORTED_QUERY(
      400, Shape.AZURE, "UnsupportedQuery", "The filter '%s' is not supported. %s"),
  ARM_INVALID_API_VERSION(
      400,
      Shape.AZURE,
      "InvalidApiVersionParameter",
      "The api-version '%s' is invalid. The supported versions are '%s'."),
  ARM_FLAG_MUST_BE_SET_FOR_RESTORE(
      409,
      Shape.AZURE,
      "FlagMustBeSetForRestore",
      "An existing resource with ID '%s' has been soft-deleted. To restore the resource, you must"
          + " specify 'restore' to be 'true' in the property. If you don't want to restore existing"
          + " resource, please purge it first."),
  ARM_MISSING_API_VERSION(
      400,
      Shape.AZURE,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests."),
  ARM_RESOURCE_NOT_FOUND(
      404,
      Shape.AZURE,
      "ResourceNotFound",
      "The Resource '%s' under resource group '%s' was not found. For more details please go to"
          + " https://aka.ms/ARMResourceNotFoundFix"),
  ARM_PATH_NOT_FOUND(
      404,
      Shape.AZURE,
      "NoRegisteredProviderFound",
      "No registered resource provider found for path '%s'."),
  ARM_INVALID_BODY(400, Shape.AZURE, "InvalidRequestContent", "%s"),
  /** Azure Monitor's answer to a metrics query it cannot run (a metric, grain or span). */
  ARM_METRICS_BAD_REQUEST(400, Shape.AZURE, "BadRequest", "%s"),
  ARM_INVALID_NAME(400, Shape.AZURE, "InvalidResourceName", "%s"),
  ARM_MODEL_NOT_SUPPORTED(400, Shape.AZURE, "DeploymentModelNotSupported", "%s"),
  ARM_CONFLICT(409, Shape.AZURE, "Conflict", "%s"),
  ARM_PROPERTY_CHANGE_NOT_ALLOWED(
      400, Shape.AZURE, "PropertyChangeNotAllowed", "Changing property '%s' is not allowed."),
  ARM_INVALID_RESOURCE_LOCATION(
      400,
      Shape.AZURE,
      "InvalidResourceLocation",
      "The resource '%s' already exists in location '%s' in resource group '%s'. A resource with"
          + " the same name cannot be created in location '%s'. Please select a new resource"
          + " name."),
  // Resource groups (Microsoft.Resources).
  ARM_RESOURCE_GROUP_NOT_FOUND(
      404, Shape.AZURE, "ResourceGroupNotFound", "Resource group '%s' could not be found."),
  ARM_RESOURCE_GROUP_LOCATION(
      409,
      Shape.AZURE,
      "InvalidResourceGroupLocation",
      "Invalid resource group location '%s'. The Resource group already exists in location"
          + " '%s'."),
  ARM_INVALID_RESOURCE_GROUP(
      400,
      Shape.AZURE,
      "InvalidResourceGroup",
      "The provided resource group name '%s' has invalid characters or length. The name can only"
          + " be 1 to 90 letters, digits, '-', '.', '(', ')' or '_', and cannot end with '.'."),
  ARM_LOCATION_REQUIRED(
      400,
      Shape.AZURE,
      "LocationRequired",
      "The location property is required for this definition."),
  ARM_INVALID_TAGS(400, Shape.AZURE, "InvalidTag", "%s"),
  ARM_SUBSCRIPTION_NOT_FOUND(
      404, Shape.AZURE, "SubscriptionNotFound", "The subscription '%s' could not be found."),
  ARM_INSUFFICIENT_QUOTA(
      400,
      Shape.AZURE,
      "InsufficientQuota",
      "This operation require %d new capacity in quota %s, which is bigger than the current"
          + " available capacity %d. The current quota usage is %d and the quota limit is %d for"
          + " quota %s."),
  ARM_AUTHORIZATION_FAILED(
      403,
      Shape.AZURE,
      "AuthorizationFailed",
      "The client '%s' with object id '%s' does not have authorization to perform action '%s'"
          + " over scope '%s' or the scope is invalid. If access was recently granted, please"
          + " refresh your credentials."),
  ARM_METHOD_NOT_ALLOWED(
      405,
      Shape.AZURE,
      "MethodNotAllowed",
      "The requested resource does not support http method '%s'.");

  /** How the body of an error is laid out. */
  public enum Shape {
    AZURE,
    OPENAI,
    BARE,
    EXACT,
    /** The OpenAI layout plus {@code status} and {@code innererror.content_filter_result}. */
    CONTENT_FILTER,
    /**
     * The Responses layout of a content filter error: the OpenAI layout plus a {@code
     * content_filters} array with one blocked {@code prompt} entry, and no {@code innererror}.
     */
    CONTENT_FILTERS
  }

  private final int status;
  private final Shape shape;
  private final String code;
  private final String template;

  ErrorCode(int status, Shape shape, String code, String template) {
    this.status = status;
    this.shape = shape;
    this.code = code;
    this.template = template;
  }

  public int status() {
    return status;
  }

  public Shape shape() {
    return shape;
  }

  /** The Azure {@code error.code}, or for {@link Shape#OPENAI} the {@code error.type}. */
  public String code() {
    return code;
  }

  public String message(Object... args) {
    return args.length == 0 ? template : template.formatted(args);
  }
}
