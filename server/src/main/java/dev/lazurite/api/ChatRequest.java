package dev.lazurite.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A validated chat completions request. */
public record ChatRequest(
    ObjectNode raw,
    List<Message> messages,
    List<Tool> tools,
    ToolChoice toolChoice,
    boolean parallelToolCalls,
    ResponseFormat responseFormat,
    int n,
    List<String> stop,
    OptionalLong seed,
    OptionalInt maxTokens,
    String maxTokensParam,
    boolean logprobs,
    int topLogprobs,
    boolean stream,
    boolean includeUsage,
    int promptTokens)
    implements ModelRequest {
  public ChatRequest {
    requireNonNull(raw, "raw is null");
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    requireNonNull(toolChoice, "toolChoice is null");
    requireNonNull(responseFormat, "responseFormat is null");
    stop = List.copyOf(stop);
    requireNonNull(seed, "seed is null");
    requireNonNull(maxTokens, "maxTokens is null");
    requireNonNull(maxTokensParam, "maxTokensParam is null");
  }

  @Override
  public ChatRequest withPromptTokens(int tokens) {
    return new ChatRequest(
        raw,
        messages,
        tools,
        toolChoice,
        parallelToolCalls,
        responseFormat,
        n,
        stop,
        seed,
        maxTokens,
        maxTokensParam,
        logprobs,
        topLogprobs,
        stream,
        includeUsage,
        tokens);
  }

  /**
   * One message. {@code text} joins the text parts; {@code images} counts image parts.
   *
   * @param name empty when absent
   * @param toolCallId empty unless role is tool
   */
  public record Message(
      String role,
      String text,
      String name,
      List<ToolCall> toolCalls,
      String toolCallId,
      int images) {
    public Message {
      requireNonNull(role, "role is null");
      requireNonNull(text, "text is null");
      requireNonNull(name, "name is null");
      toolCalls = List.copyOf(toolCalls);
      requireNonNull(toolCallId, "toolCallId is null");
    }
  }

  public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
      requireNonNull(id, "id is null");
      requireNonNull(name, "name is null");
      requireNonNull(arguments, "arguments is null");
    }
  }

  /**
   * A function the model may call; {@code parameters} is its JSON schema (an empty object if none).
   */
  public record Tool(String name, String description, JsonNode parameters) {
    public Tool {
      requireNonNull(name, "name is null");
      requireNonNull(description, "description is null");
      requireNonNull(parameters, "parameters is null");
    }
  }

  /** {@code none}, {@code auto}, {@code required}, or a named function. */
  public record ToolChoice(String mode, String function) {
    public static final ToolChoice AUTO = new ToolChoice("auto", "");
    public static final ToolChoice NONE = new ToolChoice("none", "");

    public ToolChoice {
      requireNonNull(mode, "mode is null");
      requireNonNull(function, "function is null");
    }
  }

  /** {@code text}, {@code json_object} or {@code json_schema} with its schema. */
  public record ResponseFormat(String type, String name, JsonNode schema) {
    public static final ResponseFormat TEXT =
        new ResponseFormat("text", "", com.fasterxml.jackson.databind.node.NullNode.instance);

    public ResponseFormat {
      requireNonNull(type, "type is null");
      requireNonNull(name, "name is null");
      requireNonNull(schema, "schema is null");
    }
  }
}
