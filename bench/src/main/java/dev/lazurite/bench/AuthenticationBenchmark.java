package dev.lazurite.bench;

import dev.lazurite.auth.TokenValidator;
import dev.lazurite.identity.Audiences;
import dev.lazurite.identity.SigningKeys;
import dev.lazurite.identity.TokenIssuer;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.rbac.Permissions;
import dev.lazurite.rbac.RoleAssignment;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What authenticating a request costs: an API key (digest lookup and constant-time compare) versus
 * a bearer token (RS256 signature and claims with a cached key set), and the RBAC check over a
 * realistic number of role assignments.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
@State(Scope.Benchmark)
public class AuthenticationBenchmark {
  static final String ACCOUNT =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";
  static final String CHAT =
      "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action";

  TokenValidator validator;
  TokenValidator firstSight;
  String token;
  RuntimeSnapshot snapshot;
  String key;
  List<RoleAssignment> assignments;
  Set<String> principal;

  @Setup
  public void setUp() throws Exception {
    var issuer =
        new TokenIssuer(
            SigningKeys.loadOrCreate(Files.createTempDirectory("jmh-keys"), Clock.systemUTC()),
            "tenant",
            Clock.systemUTC());
    validator =
        new TokenValidator(
            issuer.publicKeys(), issuer.issuer(), Set.of(Audiences.COGNITIVE_SERVICES));
    firstSight =
        new TokenValidator(
            issuer.publicKeys(), issuer.issuer(), Set.of(Audiences.COGNITIVE_SERVICES), 0);
    token =
        issuer
            .issue(Audiences.COGNITIVE_SERVICES, "oid-7", "app", List.of("g1", "g2"))
            .accessToken();
    key = "0123456789abcdef0123456789abcdef";
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    snapshot =
        new RuntimeSnapshot(
            1,
            Map.of(
                RuntimeSnapshot.digest(bytes), new RuntimeSnapshot.KeyBinding("a", "key1", bytes)),
            Map.of(),
            List.of(),
            List.of());
    assignments = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      assignments.add(
          new RoleAssignment(
              "r" + i,
              "oid-" + i,
              BuiltInRoles.OPENAI_USER.id(),
              ACCOUNT + "/deployments/d" + i,
              Instant.EPOCH));
    }
    assignments.add(
        new RoleAssignment("g", "g2", BuiltInRoles.OPENAI_USER.id(), ACCOUNT, Instant.EPOCH));
    principal = Set.of("oid-7000", "g1", "g2");
  }

  @Benchmark
  public Object apiKey() {
    return snapshot.findKey(key);
  }

  /** A token the client reuses, arriving as a fresh header string as it does on each request. */
  @Benchmark
  public Object bearerToken() {
    return validator.validate(new String(token.toCharArray()));
  }

  /** A token seen for the first time (once per client per token lifetime): the RS256 check. */
  @Benchmark
  public Object bearerTokenFirstSight() {
    return firstSight.validate(token);
  }

  @Benchmark
  public boolean rbacDataActionOver200Assignments() {
    return Permissions.allowsDataAction(
        assignments, principal, ACCOUNT + "/deployments/gpt-4o", CHAT);
  }
}
