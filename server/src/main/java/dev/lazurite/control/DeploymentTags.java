package dev.lazurite.control;

import java.util.Map;

/**
 * ARM {@code tags} on deployments, kept beside the deployment for cost attribution (a usage row
 * carries its account's tags overridden by its deployment's).
 */
public interface DeploymentTags {
  DeploymentTags NONE =
      new DeploymentTags() {
        @Override
        public Map<String, String> get(String account, String deployment) {
          return Map.of();
        }

        @Override
        public void put(String account, String deployment, Map<String, String> tags) {}
      };

  Map<String, String> get(String account, String deployment);

  /** Replaces a deployment's tags; empty removes them. */
  void put(String account, String deployment, Map<String, String> tags);
}
