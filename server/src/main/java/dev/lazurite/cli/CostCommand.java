package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    description = "Cost reports (Cost Management's query), from the same usage rows budgets count.",
    subcommands = {CostCommand.Query.class})
final class CostCommand {
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = "Cost in USD, grouped, per day or for the whole time frame.")
  static final class Query extends ArmCommand {
    @Option(
        names = "--group-by",
        description =
            "deployment, tag, principal, group (the caller's Entra groups) or resource-group;"
                + " default: no grouping.")
    String groupBy;

    @Option(names = "--tag-key", description = "The tag to group by, with --group-by tag.")
    String tagKey;

    @Option(
        names = "--granularity",
        defaultValue = "daily",
        description = "daily or none; default: ${DEFAULT-VALUE}.")
    String granularity;

    @Option(
        names = "--timeframe",
        defaultValue = "MonthToDate",
        description = "MonthToDate, WeekToDate, TheLastMonth or Custom (with --from and --to).")
    String timeframe;

    @Option(names = "--from", description = "Start of a Custom time frame (ISO date).")
    String from;

    @Option(names = "--to", description = "End of a Custom time frame (ISO date, exclusive).")
    String to;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("type", "ActualCost");
      body.put("timeframe", from != null ? "Custom" : timeframe);
      if (from != null) {
        body.putObject("timePeriod").put("from", from).put("to", to == null ? "" : to);
      }
      ObjectNode dataset = body.putObject("dataset");
      dataset.put("granularity", granularity.equalsIgnoreCase("daily") ? "Daily" : "None");
      dataset
          .putObject("aggregation")
          .putObject("totalCost")
          .put("name", "Cost")
          .put("function", "Sum");
      if (groupBy != null) {
        ObjectNode grouping = dataset.putArray("grouping").addObject();
        switch (groupBy.toLowerCase(Locale.ROOT)) {
          case "deployment" -> grouping.put("type", "Dimension").put("name", "ModelDeploymentName");
          case "principal" -> grouping.put("type", "Dimension").put("name", "Principal");
          case "group" -> grouping.put("type", "Dimension").put("name", "PrincipalGroup");
          case "resource-group" ->
              grouping.put("type", "Dimension").put("name", "ResourceGroupName");
          case "tag" -> {
            if (tagKey == null) {
              throw new ParameterException(spec.commandLine(), "--group-by tag needs --tag-key");
            }
            grouping.put("type", "TagKey").put("name", tagKey);
          }
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--group-by must be deployment, tag, principal, group or resource-group");
        }
      }
      String scope =
          client.resourceGroup == null
              ? arm.subscriptionPath()
              : arm.groupPath(client.resourceGroup);
      JsonNode answer = arm.send("POST", scope + "/providers/Microsoft.CostManagement/query", body);
      return rows(answer.path("properties"));
    }

    /** Each row as an object named by the columns, as az's table output expects. */
    private static JsonNode rows(JsonNode properties) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      JsonNode columns = properties.path("columns");
      for (JsonNode row : properties.path("rows")) {
        ObjectNode item = out.addObject();
        for (int i = 0; i < columns.size(); i++) {
          item.set(columns.get(i).path("name").asText(), row.get(i));
        }
      }
      return out;
    }
  }
}
