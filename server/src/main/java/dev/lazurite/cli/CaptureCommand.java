package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lazurite deployment capture …}: a deployment's request/response capture policy (Azure's
 * {@code RequestResponse} diagnostic category), off unless set. {@code --name} is the resource,
 * {@code --deployment-name} the deployment, as in the other deployment commands.
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description =
        "Capture a deployment's request and response bodies (RequestResponse), redacted and"
            + " capped; off by default.",
    subcommands = {CaptureCommand.Set.class, CaptureCommand.Show.class, CaptureCommand.Off.class})
final class CaptureCommand {
  static final String BASE = "/lazurite/capture/accounts/";

  private CaptureCommand() {}

  static String path(ArmClient arm, String deployment) {
    return BASE + ArmClient.encode(arm.account()) + "/deployments/" + ArmClient.encode(deployment);
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Set the capture policy; in force on every instance within a second.")
  static final class Set extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Option(
        names = "--enabled",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Capture (--enabled, the default) or not (--no-enabled).")
    boolean enabled;

    @Option(names = "--max-bytes", description = "Cap per body in bytes (default 65536).")
    Integer maxBytes;

    @Option(names = "--retention-days", description = "Days captures are kept (default 30).")
    Integer retentionDays;

    @Option(
        names = "--redact",
        arity = "1..*",
        description = "Regular expressions redacted on top of the built-in rules.")
    List<String> redact;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("enabled", enabled);
      if (maxBytes != null) {
        body.put("maxBytes", maxBytes);
      }
      if (retentionDays != null) {
        body.put("retentionDays", retentionDays);
      }
      if (redact != null) {
        redact.forEach(body.putArray("redact")::add);
      }
      return arm.send("PUT", path(arm, deployment), body);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the policy.")
  static final class Show extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return arm.send("GET", path(arm, deployment), null);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Remove the policy: nothing more is captured.")
  static final class Off extends AccountScoped {
    @Option(names = "--deployment-name", required = true, description = "Deployment name.")
    String deployment;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", path(arm, deployment), null);
      return null;
    }
  }
}
