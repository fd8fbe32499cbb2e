package org.opensma.agent.message;

import java.util.Objects;

/** Message of the legacy OCS Inventory XML protocol, selected by the QUERY value. */
public sealed interface OcsMessage {

    /** Validated DEVICEID of the sending agent: host name plus the date of its first run. */
    String deviceId();

    /** QUERY=PROLOG: the agent contacts the server, which replies whether to send an inventory. */
    record Prolog(String deviceId) implements OcsMessage {

        public Prolog {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** QUERY=INVENTORY: a full inventory of the machine. */
    record InventoryMessage(String deviceId, Inventory inventory) implements OcsMessage {

        public InventoryMessage {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(inventory, "inventory");
        }
    }

    /**
     * QUERY=DOWNLOAD: result of an OCS package deployment.
     *
     * @param packageId numeric package ID from the ID attribute
     * @param result ERR value, such as SUCCESS, SUCCESS_ALREADY_SETUP or ERR_BAD_DIGEST
     */
    record DownloadResult(String deviceId, String packageId, String result) implements OcsMessage {

        public DownloadResult {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(result, "result");
        }
    }
}
