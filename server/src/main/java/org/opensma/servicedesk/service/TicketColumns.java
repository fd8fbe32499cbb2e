package org.opensma.servicedesk.service;

import java.time.LocalDateTime;

/** Facts about ticket columns that the entity declaration and the writes share. */
public final class TicketColumns {

    /** Custom fields {@code custom_1} … {@code custom_20}; the appliance was seen with at least 19. */
    public static final int CUSTOM_FIELDS = 20;

    /**
     * The stored due date of a ticket whose due date was never set, which the API shows as
     * {@code 0000-00-00 00:00:00}. A cleared due date is null and left out, as on the appliance.
     */
    public static final LocalDateTime NEVER_SET = LocalDateTime.of(1, 1, 1, 0, 0);

    private TicketColumns() {
    }
}
