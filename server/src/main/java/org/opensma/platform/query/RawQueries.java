package org.opensma.platform.query;

import jakarta.servlet.http.HttpServletRequest;
import org.opensma.query.syntax.RawQuery;

/** Reads the KACE query parameters; the servlet container has already decoded {@code +} and {@code %xx}. */
public final class RawQueries {

    private RawQueries() {
    }

    public static RawQuery from(HttpServletRequest request) {
        return new RawQuery(request.getParameter("filtering"), request.getParameter("sorting"),
                request.getParameter("paging"), request.getParameter("shaping"), request.getParameter("use_count"),
                request.getParameter("use_count_only"));
    }
}
