package org.opensma.agent.body;

/**
 * Builds the XML replies the legacy agents expect to PROLOG and INVENTORY messages.
 * Both agents require the root element REPLY and ignore elements they do not know.
 */
public final class AgentReplies {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private AgentReplies() {
    }

    /**
     * Builds the PROLOG reply with RESPONSE=SEND, so the agent sends its inventory now.
     *
     * @param prologFrequencyHours hours until the agent contacts the server again; the OCS agent
     *     stores it as PROLOG_FREQ and FusionInventory uses it as its maximum delay
     */
    public static String prologSend(int prologFrequencyHours) {
        if (prologFrequencyHours < 1) {
            throw new IllegalArgumentException("prologFrequencyHours must be at least 1, got " + prologFrequencyHours);
        }
        return DECLARATION + "<REPLY><RESPONSE>SEND</RESPONSE><PROLOG_FREQ>" + prologFrequencyHours
                + "</PROLOG_FREQ></REPLY>";
    }

    /**
     * Builds the INVENTORY reply of the OCS server. FusionInventory only needs a REPLY root, and
     * the OCS agent ignores any RESPONSE other than ACCOUNT_UPDATE.
     */
    public static String inventoryAccepted() {
        return DECLARATION + "<REPLY><RESPONSE>no_account_update</RESPONSE></REPLY>";
    }
}
