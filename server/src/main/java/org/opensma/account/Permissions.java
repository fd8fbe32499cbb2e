package org.opensma.account;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access level of each module for one user in one organization.
 *
 * @param levels every module's level; a module left out is hidden
 */
public record Permissions(Map<Module, AccessLevel> levels) implements Serializable {

    public Permissions {
        EnumMap<Module, AccessLevel> copy = new EnumMap<>(Module.class);
        for (Module module : Module.values()) {
            copy.put(module, levels.getOrDefault(module, AccessLevel.HIDDEN));
        }
        levels = Map.copyOf(copy);
    }

    /** Creates permissions with the same level for every module. */
    public static Permissions uniform(AccessLevel level) {
        Map<Module, AccessLevel> levels = new EnumMap<>(Module.class);
        for (Module module : Module.values()) {
            levels.put(module, level);
        }
        return new Permissions(levels);
    }

    /**
     * Returns the permissions of a built-in role. A standard user reads every module except
     * settings, and the queries show only their own records.
     */
    public static Permissions of(Role role) {
        return switch (role) {
            case ADMIN -> uniform(AccessLevel.WRITE);
            case READ_ONLY_ADMIN -> uniform(AccessLevel.READ);
            case STANDARD -> {
                Map<Module, AccessLevel> levels = new EnumMap<>(uniform(AccessLevel.READ).levels());
                levels.put(Module.SETTINGS, AccessLevel.HIDDEN);
                yield new Permissions(levels);
            }
            case CUSTOM -> throw new IllegalArgumentException("A custom role's permissions come from its definition");
        };
    }

    public AccessLevel level(Module module) {
        return levels.get(module);
    }

    /** Returns the permissions as the API renders them: module key to WRITE, READ or HIDDEN, in module order. */
    public Map<String, String> asKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Module module : Module.values()) {
            keys.put(module.key(), level(module).name());
        }
        return keys;
    }
}
