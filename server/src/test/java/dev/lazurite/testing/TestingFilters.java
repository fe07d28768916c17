package dev.lazurite.testing;

/**
 * Content filter policies for tests whose prompts carry simulated answers (conversation chains):
 * the simulator's random words must not make a test fail by chance, so the filter annotates and
 * never blocks.
 */
public final class TestingFilters {
  private TestingFilters() {}

  /** Gives {@code deployment} a policy that annotates every category on prompts and answers. */
  public static void annotateOnly(TestingServer server, String deployment) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("rai-policy", "create", "--name", "annotate-only"));
    for (String source : java.util.List.of("prompt", "completion")) {
      for (String category : java.util.List.of("hate", "sexual", "violence", "selfharm")) {
        args.add("--filter");
        args.add(category + "," + source + ",high,annotate");
      }
    }
    args.add("--filter");
    args.add("jailbreak,prompt,-,annotate");
    if (TestingCli.execute(server, "rai-policy", "show", "--name", "annotate-only").code() != 0) {
      TestingCli.run(server, args.toArray(String[]::new));
    }
    TestingCli.run(
        server,
        "deployment",
        "update",
        "--deployment-name",
        deployment,
        "--rai-policy",
        "annotate-only");
  }
}
