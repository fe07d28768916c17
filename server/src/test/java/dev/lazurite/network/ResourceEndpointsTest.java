package dev.lazurite.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceEndpointsTest {
  static final ResourceEndpoints PATHS =
      new ResourceEndpoints(URI.create("https://localhost:8443"), Optional.empty());
  static final ResourceEndpoints HOSTS =
      new ResourceEndpoints(
          URI.create("https://localhost:8443"),
          Optional.of(HostTemplate.parse("{name}.openai.example.internal")));

  @Test
  void printsAPathPerResourceWithoutATemplate() {
    assertThat(PATHS.of("team-b")).isEqualTo("https://localhost:8443/accounts/team-b/");
    assertThat(PATHS.root()).isEqualTo("https://localhost:8443");
  }

  @Test
  void printsAHostPerResourceWithATemplateAndOmitsTheStandardPort() {
    assertThat(HOSTS.of("Team-B")).isEqualTo("https://team-b.openai.example.internal:8443/");
    var standard = new ResourceEndpoints(URI.create("https://gw:443"), HOSTS.hostTemplate());
    assertThat(standard.of("a")).isEqualTo("https://a.openai.example.internal/");
  }

  @Test
  void aPathPrefixNamesItsResourceAndLeavesThePathBelowIt() {
    var target = PATHS.target("localhost:8443", "/accounts/team-b/openai/v1/models");
    assertThat(target.resource()).contains("team-b");
    assertThat(target.path()).isEqualTo("/openai/v1/models");
    var bare = PATHS.target("localhost", "/accounts/team-b");
    assertThat(bare.resource()).contains("team-b");
    assertThat(bare.path()).isEqualTo("/");
    var root = PATHS.target("team-b.openai.example.internal", "/openai/v1/models");
    assertThat(root.resource()).as("no template, no host names").isEmpty();
    assertThat(root.path()).isEqualTo("/openai/v1/models");
  }

  @Test
  void aTemplatedHostNamesItsResource() {
    assertThat(HOSTS.target("team-b.openai.example.internal:8443", "/openai/x").resource())
        .contains("team-b");
    assertThat(HOSTS.target("TEAM-B.OpenAI.Example.Internal.", "/openai/x").resource())
        .contains("team-b");
    assertThat(HOSTS.target("localhost:8443", "/openai/x").resource()).isEmpty();
    assertThat(HOSTS.target("a.b.openai.example.internal", "/openai/x").resource()).isEmpty();
    assertThat(HOSTS.target("openai.example.internal", "/openai/x").resource()).isEmpty();
    assertThat(HOSTS.target("team-b.openai.example.internal.evil", "/x").resource()).isEmpty();
  }

  @Test
  void aTemplateMustPutTheNameFirstOverADomain() {
    assertThat(HostTemplate.parse(" {NAME}.Openai.Example.Internal ").wildcard())
        .isEqualTo("*.openai.example.internal");
    for (String bad :
        new String[] {
          "openai.example.internal",
          "x{name}.example.internal",
          "{name}",
          "{name}.internal",
          "{name}.{name}.example.internal",
          "{name}.exa mple.internal",
          "{name}..example.internal",
          "{name}.example.internal/path"
        }) {
      assertThatThrownBy(() -> HostTemplate.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
