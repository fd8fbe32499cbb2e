package org.opensma.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1, started once for the test run;
 * the test server sends its notifications there.
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server.getSmtp().getPort();
    }

    /** The messages received so far, oldest first. */
    public static List<MimeMessage> received() {
        port();
        return List.of(server.getReceivedMessages());
    }
}
