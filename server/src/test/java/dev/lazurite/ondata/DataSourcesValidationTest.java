package dev.lazurite.ondata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad {@code data_sources} get the service's 400 before any search or model call. */
class DataSourcesValidationTest {
  static TestingServer server;
  static String endpoint;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    TestingCli.run(server, "search", "create", "--name", "kb");
    endpoint = server.endpoint() + "/search/kb";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String source(String parameters) {
    return "[{\"type\": \"azure_search\", \"parameters\": {" + parameters + "}}]";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|There must be exactly one element",
        "[]|There must be exactly one element",
        "[{\"type\": \"pinecone\", \"parameters\": {}}]|Unsupported data source type 'pinecone'",
        "[{\"type\": \"azure_search\"}]|Missing required parameter: 'data_sources[0].parameters'",
        "SRC\"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}|Missing required parameter: 'data_sources[0].parameters.endpoint'",
        "SRC\"endpoint\": 7, \"index_name\": \"i\", \"authentication\": {\"type\": \"api_key\", \"key\": \"k\"}|Expected a non-empty string",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\"|Missing required parameter: 'data_sources[0].parameters.authentication'",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"api_key\"}|'data_sources[0].parameters.authentication.key'",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"magic\"}|authentication.type",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}, \"query_type\": \"fuzzy\"|query_type",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}, \"top_n_documents\": 0|top_n_documents",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}, \"strictness\": \"high\"|strictness",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}, \"in_scope\": \"yes\"|in_scope",
        "SRC\"endpoint\": \"E\", \"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}, \"include_contexts\": [\"everything\"]|include_contexts",
        "SRC\"endpoint\": \"E\", \"index_name\": \"missing\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}|The index 'missing' does not exist",
      })
  void refusesBadDataSources(String dataSources, String message) {
    String ds =
        dataSources.startsWith("SRC")
            ? source(dataSources.substring(3).replace("\"E\"", "\"" + endpoint + "\""))
            : dataSources;
    var r =
        server
            .http()
            .post(
                "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"data_sources\": "
                    + ds
                    + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"logprobs\": true|logprobs' cannot be used together with",
      })
  void refusesParametersThatDoNotCombine(String extra, String message) {
    String ds =
        source(
            "\"endpoint\": \""
                + endpoint
                + "\", \"index_name\": \"i\", \"authentication\": {\"type\": \"system_assigned_managed_identity\"}");
    var r =
        server
            .http()
            .post(
                "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], "
                    + extra
                    + ", \"data_sources\": "
                    + ds
                    + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains(message);
  }
}
