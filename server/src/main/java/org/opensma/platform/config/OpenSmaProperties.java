package org.opensma.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code opensma.*}.
 *
 * @param dataDir folder of the embedded H2 database file
 * @param agent settings of the agent endpoint
 * @param session settings of API sessions
 * @param api settings of the KACE API
 * @param security settings of login protection
 * @param inventory settings of inventory ingestion
 */
@ConfigurationProperties("opensma")
public record OpenSmaProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Agent agent,
        @DefaultValue Session session,
        @DefaultValue Api api,
        @DefaultValue Security security,
        @DefaultValue Inventory inventory) {

    /**
     * Settings of inventory ingestion.
     *
     * @param identity how an inventory finds the stored machine it belongs to
     * @param historyLimit the maximum number of change history rows kept per machine; the
     *     ingest deletes the oldest rows beyond it
     */
    public record Inventory(
            @DefaultValue Identity identity,
            @DefaultValue("500") int historyLimit) {

        public Inventory {
            requireAtLeastOne(historyLimit, "opensma.inventory.history-limit");
        }
    }

    /**
     * Identity rules of the inventory ingest.
     *
     * @param order the rules to try, in order, from {@code device-id}, {@code hardware-uuid},
     *     {@code serial-number}, {@code mac-addresses} and {@code name}; the first rule that
     *     matches exactly one machine of the organization decides
     */
    public record Identity(
            @DefaultValue({"device-id", "hardware-uuid", "serial-number", "mac-addresses", "name"})
            List<String> order) {

        public Identity {
            if (order == null || order.isEmpty()) {
                throw new IllegalArgumentException("opensma.inventory.identity.order must list at least one rule,"
                        + " such as device-id, hardware-uuid, serial-number, mac-addresses, name");
            }
            order = List.copyOf(order);
        }
    }

    /**
     * Settings of the KACE API.
     *
     * @param maxBodySize largest request body accepted on API routes
     */
    public record Api(@DefaultValue("1MB") DataSize maxBodySize) {
    }

    /**
     * Settings of the agent endpoint.
     *
     * @param realm the HTTP Basic realm sent in the 401 challenge; the OCS agent needs the
     *     same value in {@code --realm} before it sends credentials
     * @param maxCompressedSize largest body accepted on the wire
     * @param maxDecodedSize largest body accepted after decompression
     * @param maxCompressionRatio largest decoded-to-wire ratio once the decoded size passes 5 MiB
     * @param prologFrequency how often agents should contact the server, sent as PROLOG_FREQ in hours
     */
    public record Agent(
            @DefaultValue("OpenSMA") String realm,
            @DefaultValue("10MB") DataSize maxCompressedSize,
            @DefaultValue("50MB") DataSize maxDecodedSize,
            @DefaultValue("200") int maxCompressionRatio,
            @DefaultValue("24h") Duration prologFrequency) {
    }

    /**
     * Settings of API sessions. Startup fails when a duration is not positive or when the
     * token lifetime exceeds the absolute timeout, because a token must not outlive its session.
     *
     * @param tokenLifetime how long the JWT handed out at login stays valid; at most {@code absoluteTimeout}
     * @param idleTimeout how long a session stays valid without requests; Spring Session's
     *     max inactive interval is set from it in {@code SessionStoreConfig}
     * @param absoluteTimeout how long a session stays valid after the password check, however active it is
     */
    public record Session(
            @DefaultValue("12h") Duration tokenLifetime,
            @DefaultValue("1h") Duration idleTimeout,
            @DefaultValue("12h") Duration absoluteTimeout) {

        public Session {
            requirePositive(tokenLifetime, "opensma.session.token-lifetime");
            requirePositive(idleTimeout, "opensma.session.idle-timeout");
            requirePositive(absoluteTimeout, "opensma.session.absolute-timeout");
            if (tokenLifetime.compareTo(absoluteTimeout) > 0) {
                throw new IllegalArgumentException("opensma.session.token-lifetime (" + tokenLifetime
                        + ") exceeds opensma.session.absolute-timeout (" + absoluteTimeout
                        + "); set the token lifetime to at most the absolute timeout");
            }
        }
    }

    /**
     * Settings of security features.
     *
     * @param login settings of login protection
     */
    public record Security(@DefaultValue Login login) {
    }

    /**
     * Settings of login protection. Failed password checks of one account first delay the
     * 401 response and then lock the account; failed logins from one client address, with
     * known or unknown user names, lock that address.
     *
     * @param delayFromFailure the consecutive failure of an account from which each failed
     *     attempt is answered after a delay
     * @param initialDelay the delay of the first delayed failure; each later one doubles it
     * @param maxDelay the upper bound of the delay
     * @param lockAfterFailures the consecutive failure of an account that locks it
     * @param lockDuration how long a locked account rejects logins, even with the correct password
     * @param addressMaxFailures failed logins one client address may make within {@code addressWindow};
     *     the next failure locks the address
     * @param addressWindow the period over which failures of an address are counted, starting
     *     with the first failure after the previous period ended
     * @param addressLockDuration how long a locked address has its logins rejected
     */
    public record Login(
            @DefaultValue("3") int delayFromFailure,
            @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("8s") Duration maxDelay,
            @DefaultValue("5") int lockAfterFailures,
            @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("30") int addressMaxFailures,
            @DefaultValue("15m") Duration addressWindow,
            @DefaultValue("15m") Duration addressLockDuration) {

        public Login {
            requireAtLeastOne(delayFromFailure, "opensma.security.login.delay-from-failure");
            requireAtLeastOne(lockAfterFailures, "opensma.security.login.lock-after-failures");
            requireAtLeastOne(addressMaxFailures, "opensma.security.login.address-max-failures");
            if (initialDelay.isNegative() || maxDelay.isNegative()) {
                throw new IllegalArgumentException("opensma.security.login.initial-delay and max-delay must not be"
                        + " negative; found " + initialDelay + " and " + maxDelay);
            }
            requirePositive(lockDuration, "opensma.security.login.lock-duration");
            requirePositive(addressWindow, "opensma.security.login.address-window");
            requirePositive(addressLockDuration, "opensma.security.login.address-lock-duration");
        }
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 15m; found " + value);
        }
    }

    private static void requireAtLeastOne(int value, String property) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1; found " + value);
        }
    }
}
