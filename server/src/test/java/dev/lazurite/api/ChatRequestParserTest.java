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
          {"messages":[{"role":"user","content":"x"}],"logit_bias":{"50256":101}} | Invalid 'logit_bias.50256': decimal above maximum value. Expected a value <= 100, but got 101 instead. | param=logit_bias.50256 | code=decimal_above_max_value
          {"messages":[{"role":"user","content":"x"}],"logit_bias":{"7":-1e9}} | Invalid 'logit_bias.7': decimal below minimum value. Expected a value >= -100, but got -1000000000 instead. | param=logit_bias.7 | code=decimal_below_min_value
          {"messages":[{"role":"user","content":"x"}],"logit_bias":{"7":"high"}} | Invalid type for 'logit_bias.7': expected a decimal, but got a string instead. | param=logit_bias.7 | code=invalid_type
          {"messages":[{"role":"user","content":"x"}],"logit_bias":{"hello":5}} | Invalid key in 'logit_bias': hello. You should only be submitting non-negative integers. | param=logit_bias | code=invalid_value
          {"messages":[{"role":"user","content":"x"}],"logit_bias":{"-3":5}} | Invalid key in 'logit_bias': -3. You should only be submitting non-negative integers. | param=logit_bias | code=invalid_value
          {"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":"a string"}}]} | Invalid type for 'tools[0].function.parameters': expected an object, but got a string instead. | param=tools[0].function.parameters | code=invalid_type
          {"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":42}}]} | Invalid type for 'tools[0].function.parameters': expected an object, but got an integer instead. | param=tools[0].function.parameters | code=invalid_type
          {"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"banana"}}}]} | Invalid schema for function 'f': schema must be a JSON Schema of 'type: "object"', got 'type: "banana"'. | param=tools[0].function.parameters | code=invalid_function_parameters
          {"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"banana"}}}}}]} | Invalid schema for function 'f': In context=('properties', 'a', 'type'), 'banana' is not valid under any of the given schemas. | param=tools[0].function.parameters | code=invalid_function_parameters
          {"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":[1]}}}]} | Invalid schema for function 'f': In context=('properties',), [1] is not of type 'object'. | param=tools[0].function.parameters | code=invalid_function_parameters
          {"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"anyOf":[5]}}}}}]} | Invalid schema for function 'f': In context=('properties', 'a', 'anyOf', 0), 5 is not of type 'object', 'boolean'. | param=tools[0].function.parameters | code=invalid_function_parameters
          {"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"$ref":"#"}}}} | Invalid schema for response_format 'r': In context=('$ref',), '#' refers to itself without reaching a schema. | param=response_format | code=null
          {"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}}}} | Invalid schema for response_format 'r': In context=('$ref',), '#/$defs/a' refers to itself without reaching a schema. | param=response_format | code=null
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

  static String user(String extra) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]" + extra + "}";
  }

  @Test
  void acceptsLogitBiasWithinRangeAndRecursiveSchemasThatReachASchema() {
    parse(user(",\"logit_bias\":{\"50256\":-100,\"15\":100,\"7\":0.5}"));
    parse(
        user(
            ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"tree\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"children\":"
                + "{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}}}}}"));
  }

  @Test
  void limitsMessagesToolsFunctionsAndStopSequences() {
    String message = "{\"role\":\"user\",\"content\":\"x\"}";
    String messages =
        "{\"messages\":[" + String.join(",", java.util.Collections.nCopies(2049, message)) + "]}";
    assertThat(error(messages, "2024-10-21"))
        .isEqualTo(
            "Invalid 'messages': array too long. Expected an array with maximum length 2048, but got"
                + " an array with length 2049 instead. | param=messages | code=array_above_max_length");
    String tool = "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}";
    assertThat(
            error(
                user(
                    ",\"tools\":["
                        + String.join(",", java.util.Collections.nCopies(129, tool))
                        + "]"),
                "2024-10-21"))
        .startsWith("Invalid 'tools': array too long. Expected an array with maximum length 128,");
    String function = "{\"name\":\"f\"}";
    assertThat(
            error(
                user(
                    ",\"functions\":["
                        + String.join(",", java.util.Collections.nCopies(129, function))
                        + "]"),
                "2024-10-21"))
        .startsWith(
            "Invalid 'functions': array too long. Expected an array with maximum length 128,");
  }

  @Test
  void limitsTheDepthAndSizeOfASchema() {
    String deep = "{\"type\":\"string\"}";
    for (int i = 0; i < JsonSchemas.MAX_DEPTH + 1; i++) {
      deep = "{\"type\":\"array\",\"items\":" + deep + "}";
    }
    assertThat(
            error(
                user(
                    ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"r\",\"schema\":"
                        + deep
                        + "}}"),
                "2024-10-21"))
        .isEqualTo(
            "Invalid schema for response_format 'r': schema exceeds the maximum nesting depth of 64."
                + " | param=response_format | code=null");
    StringBuilder wide = new StringBuilder("{\"type\":\"object\",\"properties\":{");
    for (int i = 0; i < JsonSchemas.MAX_SUBSCHEMAS; i++) {
      wide.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"string\"}");
    }
    wide.append("}}");
    assertThat(
            error(
                user(
                    ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":"
                        + wide
                        + "}}]"),
                "2024-10-21"))
        .isEqualTo(
            "Invalid schema for function 'f': schema has more than 5000 subschemas."
                + " | param=tools[0].function.parameters | code=invalid_function_parameters");
  }
}
