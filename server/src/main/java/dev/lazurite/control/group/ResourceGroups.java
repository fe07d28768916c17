package dev.lazurite.control.group;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resource groups as ARM keeps them: created with a location that never changes, tagged, listed per
 * subscription, and deleted with every resource in them. Resources may only be created in a group
 * that exists.
 */
public final class ResourceGroups {
  /** Letters, digits, '_', '-', '.', '(' and ')', up to 90, not ending in '.'. */
  private static final Pattern NAME = Pattern.compile("^[-\\w.()]{0,89}[-\\w()]$");

  private static final int MAX_TAGS = 50;
  private static final int MAX_TAG_NAME = 512;
  private static final int MAX_TAG_VALUE = 256;

  /** What lives in a group: ARM deletes it with the group. */
  public interface Contents {
    void deleteAll(String subscription, String resourceGroup);
  }

  /** A group as asked for, before it is stored. */
  public record Request(String location, Map<String, String> tags) {
    public Request {
      tags = Map.copyOf(tags);
    }
  }

  private final ResourceGroupStore store;
  private final Contents contents;
  private final Clock clock;

  public ResourceGroups(ResourceGroupStore store, Contents contents, Clock clock) {
    this.store = store;
    this.contents = contents;
    this.clock = clock;
  }

  public Optional<ResourceGroup> find(String subscription, String name) {
    return store.get(subscription, name);
  }

  public ResourceGroup get(String subscription, String name) {
    return store
        .get(subscription, name)
        .orElseThrow(() -> ApiException.of(ErrorCode.ARM_RESOURCE_GROUP_NOT_FOUND, name));
  }

  public List<ResourceGroup> list(String subscription) {
    return store.list(subscription);
  }

  /** Refuses, with ARM's 404 ResourceGroupNotFound, a resource in a group that does not exist. */
  public void requireExists(String subscription, String name) {
    get(subscription, name);
  }

  /** Creates the group, or replaces its tags; its location cannot change. True when created. */
  public record Put(ResourceGroup group, boolean created) {}

  public Put put(String subscription, String name, Request request) {
    validateName(name);
    validateTags(request.tags());
    var existing = store.get(subscription, name);
    if (existing.isPresent() && !Regions.same(existing.get().location(), request.location())) {
      throw ApiException.of(
          ErrorCode.ARM_RESOURCE_GROUP_LOCATION, request.location(), existing.get().location());
    }
    ResourceGroup group =
        existing
            .map(
                g ->
                    new ResourceGroup(
                        g.subscription(), g.name(), g.location(), request.tags(), g.createdAt()))
            .orElseGet(
                () ->
                    new ResourceGroup(
                        subscription,
                        name,
                        Regions.normalize(request.location()),
                        request.tags(),
                        clock.instant()));
    boolean created = store.put(group);
    return new Put(store.get(subscription, name).orElse(group), created);
  }

  /** Creates the group unless one of that name exists. */
  public void ensure(String subscription, String name, String location) {
    if (store.get(subscription, name).isEmpty()) {
      put(subscription, name, new Request(location, Map.of()));
    }
  }

  /** Deletes the group and every resource in it. */
  public void delete(String subscription, String name) {
    ResourceGroup group = get(subscription, name);
    contents.deleteAll(subscription, group.name());
    store.delete(subscription, name);
  }

  static void validateName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.of(ErrorCode.ARM_INVALID_RESOURCE_GROUP, name);
    }
  }

  private static void validateTags(Map<String, String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_TAGS, "A resource group can have at most " + MAX_TAGS + " tags.");
    }
    tags.forEach(
        (k, v) -> {
          if (k.isEmpty() || k.length() > MAX_TAG_NAME || v.length() > MAX_TAG_VALUE) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_TAGS,
                "Tag names must be 1 to %d characters and values at most %d: '%s'."
                    .formatted(MAX_TAG_NAME, MAX_TAG_VALUE, k));
          }
        });
  }

  /** Azure locations are compared and stored as their lower-case names without spaces. */
  static final class Regions {
    private Regions() {}

    static String normalize(String location) {
      return location.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    static boolean same(String a, String b) {
      return normalize(a).equals(normalize(b));
    }
  }
}
