package dev.lazurite.scaleout;

import dev.lazurite.store.DatabaseUrl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one SQLite file (one host) stay in step. */
class SqliteInstancesTest {
  @TempDir Path shared;

  @Test
  void twoInstancesOnOneSqliteFile() throws Exception {
    var database = DatabaseUrl.parse("jdbc:sqlite:" + shared.resolve("shared.db"));
    try (Instances instances = Instances.start(2, database, Map.of())) {
      var inStep = new InstancesInStep(instances);
      inStep.run();
      new SearchAndIdentitiesInStep(instances, inStep).run();
      inStep.report("SQLite file, 2 instances");
    }
  }
}
