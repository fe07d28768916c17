package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;

/** The list and delete commands of a resource's child collection (backends, private endpoints). */
final class ChildResourceCommands {
  private ChildResourceCommands() {}

  /** Lists the collection at {@link #collection}. */
  abstract static class ListChildren extends ArmCommand {
    abstract String collection(ArmClient arm);

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return Output.values(arm.send("GET", collection(arm), null));
    }
  }

  /** Deletes one named child of the collection at {@link #collection}. */
  abstract static class DeleteChild extends ArmCommand {
    @Option(
        names = {"--name", "-n"},
        required = true)
    String name;

    abstract String collection(ArmClient arm);

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      arm.send("DELETE", collection(arm) + "/" + ArmClient.encode(name), null);
      return null;
    }
  }
}
