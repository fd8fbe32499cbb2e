package org.opensma.agent.message;

import java.util.List;
import java.util.Objects;

/** Message of the GLPI Agent native JSON protocol, selected by its {@code action} value. */
public sealed interface GlpiMessage {

    /** Validated {@code deviceid} of the sending agent: host name plus the date of its first run. */
    String deviceId();

    /**
     * {@code action: contact}: the agent asks which tasks to run.
     *
     * @param agentName value of {@code name}, such as GLPI-Agent, or ""
     * @param agentVersion value of {@code version}, or ""
     * @param enabledTasks values of {@code enabled-tasks}, such as inventory
     * @param tag value of {@code tag}, or ""
     */
    record Contact(String deviceId, String agentName, String agentVersion, List<String> enabledTasks, String tag)
            implements GlpiMessage {

        public Contact {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(agentName, "agentName");
            Objects.requireNonNull(agentVersion, "agentVersion");
            enabledTasks = List.copyOf(enabledTasks);
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * {@code action: inventory}: a full inventory, with sections and fields named as in the
     * legacy XML format, so that the XML and JSON paths store the same machine.
     */
    record InventoryMessage(String deviceId, Inventory inventory) implements GlpiMessage {

        public InventoryMessage {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(inventory, "inventory");
        }
    }
}
