package dev.lazurite.control.event;

/**
 * Hears every committed change of the control plane, once, after it is published. Called on the
 * thread that made the change; a listener must not block.
 */
@FunctionalInterface
public interface ControlEventListener {
  void changed(ControlEvent event);
}
