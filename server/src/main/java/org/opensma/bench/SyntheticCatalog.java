package org.opensma.bench;

import java.util.List;

/**
 * The names of the generated software titles, executables and services. Each is a pure
 * function of its index, so a title drawn for machine 7 and for machine 70,000 is the same
 * row of the catalog and a rerun produces the same organization.
 */
final class SyntheticCatalog {

    /** Packages found on almost every machine, so that filters such as {@code software.name eq bash} match widely. */
    static final List<String> CORE = List.of("bash", "coreutils", "openssl", "libc6", "systemd", "python3", "curl",
            "tar", "gzip", "sudo", "openssh-client", "ca-certificates", "tzdata", "apt", "dpkg", "grep", "sed",
            "perl", "zlib1g", "util-linux");

    private static final List<String> PREFIXES = List.of("lib", "python3-", "node-", "ruby-", "golang-", "texlive-",
            "fonts-", "gir1.2-", "r-cran-", "php-", "qt6-", "kde-", "gnome-", "xserver-", "java-", "dotnet-",
            "mozilla-", "microsoft-", "adobe-", "oracle-", "vmware-", "citrix-", "cisco-", "dell-", "hp-", "lenovo-",
            "intel-", "nvidia-", "amd-", "zoom-", "slack-", "teams-", "office-", "visual-", "google-", "docker-",
            "kube-", "ansible-", "postgres-", "mysql-");
    private static final List<String> WORDS = List.of("core", "utils", "tools", "common", "data", "runtime", "client",
            "server", "agent", "driver", "firmware", "plugin", "codec", "viewer", "editor", "studio", "sdk", "dev",
            "doc", "locale", "theme", "icons", "shell", "daemon", "monitor", "backup", "sync", "vpn", "crypto", "auth",
            "mail", "print", "scan", "media", "audio", "video", "graphics", "network", "storage", "cloud", "update",
            "security", "compiler", "debugger", "profiler", "database", "cache", "proxy", "gateway", "bridge");
    private static final List<String> PUBLISHERS = List.of("Debian", "Ubuntu", "Microsoft Corporation",
            "Adobe Inc.", "Google LLC", "Mozilla", "Oracle Corporation", "VMware, Inc.", "Citrix Systems",
            "Cisco Systems", "Dell Inc.", "HP Inc.", "Lenovo", "Intel Corporation", "NVIDIA Corporation", "AMD",
            "Zoom Video Communications", "Slack Technologies", "JetBrains", "Docker Inc.", "Red Hat", "Canonical",
            "The Document Foundation", "Python Software Foundation", "Apache Software Foundation", "Igor Pavlov",
            "Notepad++ Team", "VideoLAN", "Git Development Community", "OpenJS Foundation");

    private SyntheticCatalog() {
    }

    static String softwareName(int index) {
        if (index < CORE.size()) {
            return CORE.get(index);
        }
        int rest = index - CORE.size();
        int round = rest / (PREFIXES.size() * WORDS.size());
        String name = PREFIXES.get(rest % PREFIXES.size()) + WORDS.get(rest / PREFIXES.size() % WORDS.size());
        return round == 0 ? name : name + "-" + round;
    }

    static String softwareVersion(int index) {
        int hash = mix(index);
        return (hash & 15) + "." + ((hash >>> 4) & 31) + "." + ((hash >>> 9) & 255);
    }

    static String publisher(int index) {
        return PUBLISHERS.get(Math.floorMod(mix(index + 7), PUBLISHERS.size()));
    }

    static String processPath(int index) {
        String word = WORDS.get(index % WORDS.size());
        String dir = List.of("/usr/bin/", "/usr/sbin/", "/usr/lib/", "/opt/", "C:\\Program Files\\",
                "C:\\Windows\\System32\\").get(index / WORDS.size() % 6);
        return dir + word + "-" + (index / (WORDS.size() * 6));
    }

    static String processName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    static String serviceName(int index) {
        return WORDS.get(index % WORDS.size()) + "-svc-" + index / WORDS.size();
    }

    /** A cheap integer hash, so that versions and publishers look scattered across the catalog. */
    static int mix(int value) {
        int x = value * 0x9E3779B1;
        x ^= x >>> 15;
        x *= 0x85EBCA77;
        return x ^ (x >>> 13);
    }
}
