package dev.lazurite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestParserTest {
  static ObjectNode body(String json) {
    return (ObjectNode) Json.read(json, com.fasterxml.jackson.databind.JsonNode.class);
  }

  static ChatRequest parse(String json) {
    return ChatRequestParser.parse(body(json), "2024-10-21");
  }

  static String error(String json, String date) {
    try {
      ChatRequestParser.parse(body(json), date);
    } catch (ApiException e) {
      return e.getMessage()
          + " | param="
          + e.param().orElse("null")
          + " | code="
          + e.detailCode().orElse("null");
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void readsEveryMessageFormAndTheSamplingParameters() {
    ChatRequest request =
        parse(
            """
            {"messages":[
              {"role":"system","content":"Be brief."},
              {"role":"developer","content":[{"type":"text","text":"Use JSON."}]},
              {"role":"user","name":"ann","content":[{"type":"text","text":"Look:"},
                {"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"f","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"42"}],
             "n":2,"stop":["END"],"seed":7,"max_tokens":30,"logprobs":true,"top_logprobs":2,
             "temperature":0.2,"top_p":0.9,"user":"u1",
             "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
             "tool_choice":"auto","parallel_tool_calls":false,
             "response_format":{"type":"json_schema","json_schema":{"name":"s","schema":{"type":"object"}}}}
            """);
    assertThat(request.messages()).hasSize(5);
    assertThat(request.messages().get(2).images()).isEqualTo(1);
    assertThat(request.messages().get(3).toolCalls()).hasSize(1);
    assertThat(request.messages().get(4).toolCallId()).isEqualTo("call_1");
    assertThat(request.n()).isEqualTo(2);
    assertThat(request.stop()).containsExactly("END");
    assertThat(request.seed()).hasValue(7);
    assertThat(request.maxTokens()).hasValue(30);
    assertThat(request.topLogprobs()).isEqualTo(2);
    assertThat(request.parallelToolCalls()).isFalse();
    assertThat(request.responseFormat().type()).isEqualTo("json_schema");
  }

  @Test
  void prefersMaxCompletionTokens() {
    ChatRequest request =
        parse(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":9,\"max_completion_tokens\":5}");
    assertThat(request.maxTokens()).hasValue(5);
    assertThat(request.maxTokensParam()).isEqualTo("max_completion_tokens");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"messages":[]}                                                   | Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead. | param=messages | code=empty_array
          {"messages":"hi"}                                                 | Invalid type for 'messages': expected an array, but got a string instead. | param=messages | code=invalid_type
          {"messages":[{"role":"robot","content":"x"}]}                     | Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'. | param=messages[0].role | code=invalid_value
          {"messages":[{"content":"x"}]}                                    | Missing required parameter: 'messages[0].role'. | param=messages[0].role | code=missing_required_parameter
          {"messages":[{"role":"user"}]}                                    | Missing required parameter: 'messages[0].content'. | param=messages[0].content | code=missing_required_parameter
          {"messages":[{"role":"tool","content":"x"}]}                      | Missing required parameter: 'messages[0].tool_call_id'. | param=messages[0].tool_call_id | code=missing_required_parameter
          {"messages":[{"role":"user","content":"x"}],"n":0}                | Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead. | param=n | code=integer_below_min_value
          {"messages":[{"role":"user","content":"x"}],"temperature":2.5}    | Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead. | param=temperature | code=decimal_above_max_value
          {"messages":[{"role":"user","content":"x"}],"n":1.5}              | Invalid type for 'n': expected an integer, but got a decimal instead. | param=n | code=invalid_type
          {"messages":[{"role":"user","content":"x"}],"stop":["a","b","c","d","e"]} | Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length 5 instead. | param=stop | code=array_above_max_length
          {"messages":[{"role":"user","content":"x"}],"top_logprobs":2}     | Invalid parameter: 'top_logprobs' is only allowed when 'logprobs' is enabled. | param=top_logprobs | code=invalid_parameter
          {"messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":true}} | The 'stream_options' parameter is only allowed when 'stream' is enabled. | param=stream_options | code=invalid_value
          {"messages":[{"role":"user","content":"x"}],"a":1,"b":2}          | Unrecognized request arguments supplied: a, b | param=null | code=null
          {"messages":[{"role":"user","content":"x"}],"tool_choice":"required"} | Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified. | param=tool_choice | code=null
          {"messages":[{"role":"user","content":"x"}],"response_format":{"type":"yaml"}} | Invalid value: 'yaml'. Supported values are: 'text', 'json_object', and 'json_schema'. | param=response_format.type | code=invalid_value
          """)
  void rejectsWithTheServicesMessage(String json, String message, String param, String code) {
    assertThat(error(json, "2024-10-21")).isEqualTo(message + " | " + param + " | " + code);
  }

  @Test
  void gatesParametersByApiVersion() {
    String withStreamOptions =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    assertThat(error(withStreamOptions, "2024-06-01"))
        .startsWith("Unrecognized request argument supplied: stream_options");
    assertThat(parse(withStreamOptions).includeUsage()).isTrue();
    String withSchema =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\"}}}";
    assertThat(error(withSchema, "2024-06-01")).startsWith("Invalid value: 'json_schema'.");
  }

  @Test
  void rejectsToolChoiceNamingAnUnknownFunction() {
    assertThatThrownBy(
            () ->
                parse(
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a\"}}],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"b\"}}}"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("no function named 'b'");
  }
}
