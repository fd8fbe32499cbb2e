package org.opensma.agent;

import java.util.Objects;

/**
 * Rejection of an agent request. The message is written for the administrator of the sending
 * agent, so the server may return it in the HTTP reply body.
 */
public final class AgentProtocolException extends RuntimeException {

    /** Reason for a rejection, with the HTTP status the server should reply with. */
    public enum Problem {
        /** Body, decoded content, element count or element text over a configured limit. */
        TOO_LARGE(413),
        /** Truncated or corrupt zlib or gzip data. */
        BAD_COMPRESSION(400),
        /** Not well-formed XML, nesting or attribute count over a limit, or an invalid field. */
        MALFORMED_XML(400),
        /** DOCTYPE declaration or entity reference, which the agents never send. */
        FORBIDDEN_XML_CONSTRUCT(400),
        /** Body in an encoding or character set this server does not read. */
        UNSUPPORTED_FORMAT(415),
        /** Body with no bytes, or only whitespace. */
        EMPTY_BODY(400),
        /** QUERY missing or with a value other than PROLOG, INVENTORY or DOWNLOAD. */
        UNKNOWN_QUERY(400),
        /** GLPI Agent JSON that is not valid JSON or breaks a rule of the GLPI inventory format. */
        INVALID_JSON(400);

        private final int httpStatus;

        Problem(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Problem problem;

    public AgentProtocolException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public AgentProtocolException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }

    public int httpStatus() {
        return problem.httpStatus();
    }
}
