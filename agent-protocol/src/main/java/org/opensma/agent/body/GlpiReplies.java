package org.opensma.agent.body;

/**
 * Builds the JSON replies of the GLPI Agent native protocol. {@code expiration} is the number of
 * hours until the agent contacts the server again; the agent also accepts a unit suffix, which
 * these replies do not use.
 */
public final class GlpiReplies {

    private GlpiReplies() {
    }

    /**
     * Builds the reply to {@code action: contact} that schedules an inventory now.
     *
     * <p>NOTE: GLPI servers also name themselves in {@code tasks.inventory} ({@code server},
     * {@code version}). This reply leaves that object empty, and whether an agent then ever sends
     * a partial inventory was not tried with a real agent.
     */
    public static String contact(int expirationHours) {
        return "{\"status\":\"ok\",\"expiration\":" + checked(expirationHours)
                + ",\"tasks\":{\"inventory\":{}}}";
    }

    /** Builds the reply to {@code action: inventory} once the inventory is stored. */
    public static String inventoryAccepted(int expirationHours) {
        return "{\"status\":\"ok\",\"expiration\":" + checked(expirationHours) + "}";
    }

    private static int checked(int expirationHours) {
        if (expirationHours < 1) {
            throw new IllegalArgumentException("expirationHours must be at least 1, got " + expirationHours);
        }
        return expirationHours;
    }
}
