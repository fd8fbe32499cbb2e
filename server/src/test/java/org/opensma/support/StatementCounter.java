package org.opensma.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.opensma.platform.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every SQL statement that jOOQ executes while an HTTP request is handled, grouped by
 * the request id that {@link RequestIdFilter} puts into the MDC. Statements outside a request,
 * such as Spring Session's JDBC cleanup, are not jOOQ statements and are not recorded.
 * Registered for the whole suite so that it lives in the one shared Spring context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Map<String, List<String>> BY_REQUEST = new ConcurrentHashMap<>();

    /** Forgets every statement recorded so far. */
    public static void reset() {
        BY_REQUEST.clear();
    }

    /** Returns the SQL of each request recorded since the last {@link #reset()}, by request id. */
    public static Map<String, List<String>> statementsByRequest() {
        Map<String, List<String>> copy = new ConcurrentHashMap<>();
        BY_REQUEST.forEach((request, statements) -> copy.put(request, new ArrayList<>(statements)));
        return copy;
    }

    @Bean
    ExecuteListenerProvider statementCountingListener() {
        return new DefaultExecuteListenerProvider(new RecordingListener());
    }

    /** Adds the SQL of each statement to the list of the current request. */
    static final class RecordingListener implements ExecuteListener {

        @Override
        public void executeStart(ExecuteContext context) {
            String request = MDC.get(RequestIdFilter.REQUEST_ID);
            if (request != null) {
                BY_REQUEST.computeIfAbsent(request, key -> new CopyOnWriteArrayList<>()).add(context.sql());
            }
        }
    }
}
