package org.opensma.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.service.UserChange;
import org.opensma.account.service.UserDirectory;
import org.opensma.account.service.UserService;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.security.SelfService;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/users}: the current user, a user's permissions, and the users of the organization. */
@RestController
class UserController {

    private static final String EXPECTED = "{\"Users\": [{\"user_name\": ..., \"full_name\": ..., \"email\": ...,"
            + " \"password\": ..., \"role\": \"ADMIN|READ_ONLY_ADMIN|STANDARD|<custom role name>\"}]}";
    private static final Set<String> KEYS = Set.of("user_name", "full_name", "email", "password", "role");
    /** Keys an update body may carry besides {@link #KEYS}; {@code id} must match the path. */
    private static final Set<String> UPDATE_KEYS = Set.of("id", "user_name", "full_name", "email", "password",
            "role");

    private final ListQueryExecutor lists;
    private final EntityView users;
    private final UserService userService;
    private final UserDirectory directory;
    private final JsonMapper jsonMapper;

    UserController(ListQueryExecutor lists, EntityView userView, UserService userService, UserDirectory directory,
            JsonMapper jsonMapper) {
        this.lists = lists;
        this.users = userView;
        this.userService = userService;
        this.directory = directory;
        this.jsonMapper = jsonMapper;
    }

    @SelfService
    @GetMapping("/api/users/me")
    Map<String, Object> me() {
        return directory.me(CurrentPrincipal.get());
    }

    @Access(Module.USERS)
    @GetMapping("/api/users/{id}/permissions")
    Map<String, Object> permissions(@PathVariable String id) {
        return directory.permissions(CurrentPrincipal.get(), PathIds.parse(id, "user id"));
    }

    @Access(Module.USERS)
    @GetMapping("/api/users/users")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ListRequest list = ListRequest.list(users, RawQueries.from(request), CurrentPrincipal.get());
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @Access(Module.USERS)
    @GetMapping("/api/users/users/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long userId = PathIds.parse(id, "user id");
        ListRequest single = ListRequest.single(users, RawQueries.from(request), CurrentPrincipal.get(), userId,
                "User " + userId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @Access(Module.USERS)
    @PostMapping("/api/users/users")
    Map<String, Object> create(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        List<JsonNode> items = JsonBodies.envelope(JsonBodies.object(jsonMapper, body, EXPECTED), "Users", EXPECTED);
        List<UserChange> changes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            changes.add(change(items.get(i), "Users[" + i + "]", KEYS));
        }
        List<Long> ids = userService.create(CurrentPrincipal.get(), changes, request.getRemoteAddr());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("IDs", ids);
        return result;
    }

    @Access(Module.USERS)
    @PutMapping("/api/users/users/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        long userId = PathIds.parse(id, "user id");
        List<JsonNode> items = JsonBodies.envelope(JsonBodies.object(jsonMapper, body, EXPECTED), "Users", EXPECTED);
        if (items.size() != 1) {
            throw ApiError.INVALID_BODY.exception(
                    "an update carries exactly one user in Users, not " + items.size());
        }
        JsonNode item = items.getFirst();
        requireMatchingId(item, userId);
        userService.update(CurrentPrincipal.get(), userId, change(item, "Users[0]", UPDATE_KEYS),
                request.getRemoteAddr());
        return Map.of("Result", "Success");
    }

    @Access(Module.USERS)
    @DeleteMapping("/api/users/users/{id}")
    Map<String, Object> delete(@PathVariable String id, HttpServletRequest request) {
        SmaPrincipal caller = CurrentPrincipal.get();
        userService.delete(caller, PathIds.parse(id, "user id"), request.getRemoteAddr());
        return Map.of("Result", "Success");
    }

    private static UserChange change(JsonNode item, String path, Set<String> allowed) {
        JsonBodies.requireKnownKeys(item, path, allowed);
        return new UserChange(JsonBodies.string(item, path, "user_name"), JsonBodies.string(item, path, "full_name"),
                JsonBodies.string(item, path, "email"), JsonBodies.string(item, path, "password"),
                JsonBodies.string(item, path, "role"));
    }

    private static void requireMatchingId(JsonNode item, long userId) {
        JsonNode id = item.get("id");
        if (id == null) {
            return;
        }
        boolean matches = id.isIntegralNumber() ? id.asLong() == userId
                : id.isString() && id.asString().strip().equals(String.valueOf(userId));
        if (!matches) {
            throw ApiError.INVALID_BODY.exception(
                    "Users[0].id " + id + " does not match the id " + userId + " in the path");
        }
    }
}
