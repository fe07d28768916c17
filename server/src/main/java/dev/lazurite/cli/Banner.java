package dev.lazurite.cli;

import dev.lazurite.server.LazuriteServer;

/**
 * What {@code serve} prints once it is ready. The API key is shown only to an interactive terminal:
 * when standard output goes to a service log or a file, the banner says how to print the key
 * instead, so that it never lands in logs.
 */
final class Banner {
  private Banner() {}

  static String text(LazuriteServer server, boolean showKey) {
    String endpoint = server.endpoint().toString();
    String keysList = "lazurite keys list --data-dir '" + server.dataDir().toAbsolutePath() + "'";
    String key = showKey ? server.defaultKeys().key1() : "$(" + keysList + " --query key1 -o tsv)";
    String keyLine =
        showKey
            ? "  api-key:   " + key
            : "  api-key:   not shown here (standard output is not a terminal); print it with\n"
                + "             "
                + keysList;
    return """
        Lazurite is serving Azure OpenAI at
          endpoint:  %s%s
        %s
          deployments: gpt-35-turbo, gpt-4o (simulator), all-minilm-l6-v2 (embeddings)

        Try it:
          curl "%s/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21" \\
            -H "Content-Type: application/json" -H "api-key: %s" \\
            -d '{"messages":[{"role":"user","content":"Hello"}]}'
        %s
        Stop with Ctrl-C (in-flight requests finish first).
        """
        .formatted(
            endpoint,
            server.httpsEndpoint().map(e -> "\n  https:     " + e).orElse(""),
            keyLine,
            endpoint,
            key,
            server
                .caCertFile()
                .map(
                    f ->
                        "HTTPS clients trust the local CA: "
                            + f.toAbsolutePath()
                            + "  (see `lazurite cert`)\n")
                .orElse(""));
  }
}
