package dev.lazurite.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private final TestingClock clock = new TestingClock();
  private final Sessions sessions = new Sessions(key(1), clock, Duration.ofHours(8));

  @Test
  void readsBackWhatItIssued() {
    var user = new PortalPrincipal.User("oid-1", "Ada", Set.of("g1", "g2"));
    Session issued = sessions.signIn(user);
    assertThat(sessions.read(sessions.encode(issued))).contains(issued);
  }

  @Test
  void refusesAnAlteredOrForeignCookie() {
    String value = sessions.encode(sessions.signIn(new PortalPrincipal.Admin()));
    String payload = value.substring(0, value.indexOf('.'));
    String forged = sessions.encode(sessions.anonymous());
    String spliced = payload + forged.substring(forged.indexOf('.'));
    assertThat(sessions.read(spliced)).isEmpty();
    assertThat(sessions.read(value + "A")).isEmpty();
    assertThat(sessions.read("not a cookie")).isEmpty();
    assertThat(sessions.read("")).isEmpty();
    var other = new Sessions(key(2), clock, Duration.ofHours(8));
    assertThat(other.read(value)).isEmpty();
  }

  @Test
  void anExpiredSessionIsNoSession() {
    String value = sessions.encode(sessions.signIn(new PortalPrincipal.Admin()));
    clock.advance(Duration.ofHours(8).plusSeconds(1));
    assertThat(sessions.read(value)).isEmpty();
  }

  @Test
  void signInGivesANewIdAndCsrfToken() {
    Session before = sessions.anonymous();
    Session after = sessions.signIn(new PortalPrincipal.Admin());
    assertThat(after.id()).isNotEqualTo(before.id()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(sessions.csrfToken(after)).isNotEqualTo(sessions.csrfToken(before));
    assertThat(sessions.csrfMatches(after, sessions.csrfToken(after))).isTrue();
    assertThat(sessions.csrfMatches(after, sessions.csrfToken(before))).isFalse();
    assertThat(sessions.csrfMatches(after, "")).isFalse();
  }

  @Test
  void theCookieIsHttpOnlyStrictAndSecureOnlyOverHttps() {
    Session s = sessions.signIn(new PortalPrincipal.Admin());
    assertThat(sessions.setCookie(s, true))
        .startsWith(Sessions.COOKIE + "=")
        .contains("; HttpOnly", "; SameSite=Strict", "; Secure", "; Path=/portal", "Max-Age=28800");
    assertThat(sessions.setCookie(s, false)).doesNotContain("Secure");
    assertThat(sessions.clearCookie(true)).contains("Max-Age=0");
  }

  @Test
  void aSignedOutSessionIsNoSessionInThisProcess() {
    Session s = sessions.signIn(new PortalPrincipal.Admin());
    String cookie = sessions.encode(s);
    assertThat(sessions.read(cookie)).isPresent();
    sessions.revoke(s);
    assertThat(sessions.read(cookie)).isEmpty();
    Session other = sessions.signIn(new PortalPrincipal.Admin());
    assertThat(sessions.read(sessions.encode(other))).isPresent();
  }
}
