package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** az's output formats and --query, on answers shaped like ARM's. */
class OutputTest {
  static final JsonNode ACCOUNTS =
      Json.read(
          """
          [{"name": "b", "location": "eastus", "id": "/x/b", "type": "T",
            "properties": {"endpoint": "https://b", "disableLocalAuth": false},
            "tags": {"env": "dev"}, "sku": {"name": "S0"}, "kind": "OpenAI"},
           {"name": "a", "location": "westus", "id": "/x/a", "type": "T",
            "properties": {"endpoint": "https://a", "disableLocalAuth": true},
            "tags": {}, "sku": {"name": "S0"}, "kind": "OpenAI", "extra": null}]
          """,
          JsonNode.class);

  static String render(JsonNode value, OutputFormat format, String query) {
    Optional<Expression<JsonNode>> compiled =
        Optional.ofNullable(query).map(q -> new JacksonRuntime().compile(q));
    return Output.render(value, format, compiled, false);
  }

  @Test
  void jsonIsIndentedByTwoInTheServersKeyOrder() {
    JsonNode value =
        Json.read("{\"b\": [], \"a\": {\"d\": [1, \"x\"], \"c\": {}}}", JsonNode.class);
    assertThat(render(value, OutputFormat.JSON, null))
        .isEqualTo(
            """
            {
              "b": [],
              "a": {
                "d": [
                  1,
                  "x"
                ],
                "c": {}
              }
            }
            """);
  }

  @Test
  void aQueryPicksAScalarThatJsonPrintsQuotedAndTsvBare() {
    JsonNode account = ACCOUNTS.get(0);
    assertThat(render(account, OutputFormat.JSON, "properties.endpoint"))
        .isEqualTo("\"https://b\"\n");
    assertThat(render(account, OutputFormat.TSV, "properties.endpoint")).isEqualTo("https://b\n");
    assertThat(render(account, OutputFormat.TSV, "properties.disableLocalAuth"))
        .isEqualTo("false\n");
  }

  @Test
  void tsvPrintsOneRowPerElementWithValuesInKeyOrder() {
    assertThat(render(ACCOUNTS, OutputFormat.TSV, "[].name")).isEqualTo("b\na\n");
    // Without a query an object's values come in sorted key order; a nested object is an empty
    // cell, a nested list its length, null is None.
    assertThat(render(ACCOUNTS.get(1), OutputFormat.TSV, null))
        .isEqualTo("None\t/x/a\tOpenAI\twestus\ta\t\t\t\tT\n");
    // A multiselect hash keeps the query's order, and nested booleans print as Python's.
    assertThat(
            render(
                ACCOUNTS,
                OutputFormat.TSV,
                "[].{n: name, local: properties.disableLocalAuth, tags: tags, l: [name, kind]}"))
        .isEqualTo("b\tFalse\t\t2\na\tTrue\t\t2\n");
  }

  @Test
  void tableShowsScalarColumnsWithoutIdTypeAndEtag() {
    // tabulate's "simple" layout: columns two wider than their header, every cell padded.
    assertThat(render(ACCOUNTS, OutputFormat.TABLE, null))
        .isEqualTo(
            "Kind    Location    Name  \n"
                + "------  ----------  ------\n"
                + "OpenAI  eastus      b     \n"
                + "OpenAI  westus      a     \n");
    assertThat(render(ACCOUNTS, OutputFormat.TABLE, "[].{Endpoint: properties.endpoint, N: name}"))
        .isEqualTo(
            "Endpoint    N  \n" + "----------  ---\n" + "https://b   b  \n" + "https://a   a  \n");
    assertThat(render(ACCOUNTS.get(0), OutputFormat.TABLE, "name"))
        .isEqualTo("Result  \n--------\nb       \n");
  }

  @Test
  void noneAndNullPrintNothing() {
    assertThat(render(ACCOUNTS, OutputFormat.NONE, null)).isEmpty();
    assertThat(render(ACCOUNTS.get(0), OutputFormat.JSON, "properties.missing")).isEmpty();
    assertThat(render(ACCOUNTS.get(0), OutputFormat.TSV, "properties.missing")).isEmpty();
  }

  @Test
  void jsoncColoursOnlyATerminal() {
    JsonNode value = Json.read("{\"a\": 1}", JsonNode.class);
    assertThat(Output.render(value, OutputFormat.JSONC, Optional.empty(), false))
        .isEqualTo("{\n  \"a\": 1\n}\n");
    assertThat(Output.render(value, OutputFormat.JSONC, Optional.empty(), true))
        .contains("\u001b[")
        .contains("\"a\"");
  }

  @Test
  void aQueryThatFailsAtRunTimeIsAnError() {
    assertThatThrownBy(() -> render(ACCOUNTS, OutputFormat.JSON, "abs(name)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--query: ");
  }
}
