package org.opensma.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's JDBC repository, except that a request leaves the stored last access time
 * alone while it is younger than the touch interval. Spring Session sets the last access time
 * on every request, which costs an UPDATE in its own transaction even when nothing else
 * changed; this was one of the three statements of every authenticated request. The idle
 * timeout therefore counts from a time up to one interval before the last request, so an
 * idle session can end that much early. Attribute changes, new sessions and id changes are
 * written as before.
 */
final class TouchLimitedSessionRepository
        implements FindByIndexNameSessionRepository<TouchLimitedSessionRepository.TouchLimitedSession> {

    private final FindByIndexNameSessionRepository<Session> jdbc;
    private final Duration interval;

    @SuppressWarnings("unchecked")
    TouchLimitedSessionRepository(JdbcIndexedSessionRepository jdbc, Duration interval) {
        // JdbcSession is not public; the repository accepts any session it created itself.
        this.jdbc = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc;
        this.interval = interval;
    }

    @Override
    public TouchLimitedSession createSession() {
        return new TouchLimitedSession(jdbc.createSession(), null);
    }

    @Override
    public void save(TouchLimitedSession session) {
        jdbc.save(session.stored);
    }

    @Override
    public TouchLimitedSession findById(String id) {
        Session session = jdbc.findById(id);
        return session == null ? null : new TouchLimitedSession(session, session.getLastAccessedTime().plus(interval));
    }

    @Override
    public void deleteById(String id) {
        jdbc.deleteById(id);
    }

    @Override
    public Map<String, TouchLimitedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, TouchLimitedSession> sessions = new LinkedHashMap<>();
        jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new TouchLimitedSession(session, null)));
        return sessions;
    }

    /** A stored session whose last access time changes only once {@code touchFrom} has passed. */
    static final class TouchLimitedSession implements Session {

        private final Session stored;
        private final Instant touchFrom;

        private TouchLimitedSession(Session stored, Instant touchFrom) {
            this.stored = stored;
            this.touchFrom = touchFrom;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (touchFrom == null || !lastAccessedTime.isBefore(touchFrom)) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
