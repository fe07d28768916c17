package dev.lazurite.safety;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The verdict on one prompt or one completion.
 *
 * @param results its {@code content_filter_results}
 * @param blocked whether the policy filters it
 */
public record Screening(ObjectNode results, boolean blocked) {}
