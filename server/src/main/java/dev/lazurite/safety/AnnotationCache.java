package dev.lazurite.safety;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The screenings {@link Annotations} wrote lately, by policy and findings: nearly every text comes
 * to one of a few findings (all safe, above all), so the same annotations need not be built per
 * request. A policy is matched by identity (a published change makes a new one); the cache starts
 * over when it holds {@value #LIMIT} entries. Callers never change a cached screening's results.
 */
final class AnnotationCache {
  static final int LIMIT = 4096;

  private final ConcurrentHashMap<Key, Screening> screenings = new ConcurrentHashMap<>();

  Screening prompt(FilterPolicy policy, Annotations.Findings findings) {
    return get(new Key(policy, findings, true));
  }

  Screening completion(FilterPolicy policy, Annotations.Findings findings) {
    return get(new Key(policy, findings, false));
  }

  private Screening get(Key key) {
    Screening cached = screenings.get(key);
    if (cached != null) {
      return cached;
    }
    Screening built =
        key.prompt
            ? Annotations.prompt(key.policy, key.findings)
            : Annotations.completion(key.policy, key.findings);
    if (screenings.size() >= LIMIT) {
      screenings.clear();
    }
    screenings.put(key, built);
    return built;
  }

  private static final class Key {
    private final FilterPolicy policy;
    private final Annotations.Findings findings;
    private final boolean prompt;
    private final int hash;

    private Key(FilterPolicy policy, Annotations.Findings findings, boolean prompt) {
      this.policy = policy;
      this.findings = findings;
      this.prompt = prompt;
      this.hash =
          (System.identityHashCode(policy) * 31 + findings.hashCode()) * 2 + (prompt ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.policy == policy
          && k.prompt == prompt
          && k.findings.equals(findings);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
