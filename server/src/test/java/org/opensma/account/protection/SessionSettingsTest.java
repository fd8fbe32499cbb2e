package org.opensma.account.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensma.platform.config.OpenSmaProperties;

/** Checks of the session and login settings at startup. */
class SessionSettingsTest {

    @Test
    void tokenLifetimeAboveAbsoluteTimeout_isRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OpenSmaProperties.Session(Duration.ofHours(13), Duration.ofHours(1),
                        Duration.ofHours(12)))
                .withMessageContaining("opensma.session.token-lifetime")
                .withMessageContaining("opensma.session.absolute-timeout");
    }

    @Test
    void tokenLifetimeEqualToAbsoluteTimeout_isAccepted() {
        var session = new OpenSmaProperties.Session(Duration.ofHours(12), Duration.ofHours(1), Duration.ofHours(12));

        assertThat(session.absoluteTimeout()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void zeroIdleTimeout_isRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OpenSmaProperties.Session(Duration.ofHours(1), Duration.ZERO,
                        Duration.ofHours(12)))
                .withMessageContaining("opensma.session.idle-timeout");
    }

    @Test
    void zeroLockThreshold_isRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OpenSmaProperties.Login(3, Duration.ofSeconds(1), Duration.ofSeconds(8), 0,
                        Duration.ofMinutes(15), 30, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .withMessageContaining("lock-after-failures");
    }
}
