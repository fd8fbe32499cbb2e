package org.opensma.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an organization with a synthetic fleet for the benchmark: machines with about 150
 * software titles each, drawn from a catalog of 20,000 with a few titles on nearly every
 * machine and a long tail, plus processes, services, a network interface, a processor and
 * two file systems per machine. Each machine also gets its Device asset, as inventory gives it
 * one, and every tenth machine a ticket in the organization's first queue.
 *
 * <p>It writes straight to the tables with COPY on PostgreSQL and batched INSERTs on H2,
 * not through the agent endpoint: the endpoint stores about ten inventories per second, so
 * 100,000 machines would take hours, while a bulk load takes minutes. The ingest path is
 * measured on its own by the benchmark with the real agent samples. Every machine is a pure
 * function of the seed and its number, so each table is written in one pass.
 */
public final class OrganizationGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationGenerator.class);

    static final int SOFTWARE_CATALOG = 20_000;
    static final int PROCESS_CATALOG = 3_000;
    static final int SERVICE_CATALOG = 1_000;
    private static final int SOFTWARE_PER_MACHINE = 150;
    private static final int PROCESSES_PER_MACHINE = 50;
    private static final int SERVICES_PER_MACHINE = 30;
    /** One ticket for this many machines, about what a help desk of a large fleet keeps. */
    private static final int MACHINES_PER_TICKET = 10;
    private static final long DEVICE_ASSET_TYPE = 5;

    private static final List<String[]> SYSTEMS = List.of(
            new String[] {"Microsoft Windows 11 Enterprise", "10.0.22631", "Windows", "x64"},
            new String[] {"Microsoft Windows 10 Pro", "10.0.19045", "Windows", "x64"},
            new String[] {"Microsoft Windows Server 2022 Standard", "10.0.20348", "Windows", "x64"},
            new String[] {"Ubuntu 22.04.4 LTS", "22.04", "Linux", "x86_64"},
            new String[] {"Debian GNU/Linux 12 (bookworm)", "12", "Linux", "x86_64"},
            new String[] {"Red Hat Enterprise Linux 9.4", "9.4", "Linux", "x86_64"},
            new String[] {"macOS 14.5", "14.5", "Mac", "arm64"});
    private static final List<String[]> MODELS = List.of(new String[] {"Dell Inc.", "Latitude 7440"},
            new String[] {"Dell Inc.", "OptiPlex 7010"}, new String[] {"HP", "EliteBook 840 G10"},
            new String[] {"LENOVO", "ThinkPad T14 Gen 4"}, new String[] {"VMware, Inc.", "VMware Virtual Platform"},
            new String[] {"Apple Inc.", "MacBookPro18,3"});

    private final DataSource dataSource;

    public OrganizationGenerator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts of the rows written, with the time the load took. */
    public record Summary(long orgId, int machines, long softwareLinks, long processLinks, long serviceLinks,
            long assets, long tickets, long millis) {
    }

    /** Adds {@code count} machines to the organization named {@code orgName}. */
    public Summary generate(String orgName, int count, long seed) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            skipForeignKeyChecks(connection);
            connection.setAutoCommit(false);
            long orgId = orgId(connection, orgName);
            LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);

            long[] softwareIds = ensureSoftware(connection, orgId);
            long[] processIds = ensureProcesses(connection, orgId);
            long[] serviceIds = ensureServices(connection, orgId);
            connection.commit();

            long firstId = nextId(connection, "machine");
            List<Machine> fleet = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                fleet.add(new Machine(firstId + i, new SplittableRandom(seed * 1_000_003L + firstId + i)));
            }
            writeMachines(connection, orgId, fleet, now);
            connection.commit();
            LOG.warn("Generated {} machines, writing their software links", count);

            long softwareLinks = writeLinks(connection, "machine_software",
                    List.of("machine_id", "software_id", "install_date", "architecture", "source"), fleet,
                    (machine, sink) -> {
                        int[] titles = machine.software();
                        for (int title : titles) {
                            sink.row(machine.id, softwareIds[title], now.minusDays(title % 900), "amd64", "dpkg");
                        }
                        return titles.length;
                    });
            long processLinks = writeLinks(connection, "machine_process",
                    List.of("machine_id", "process_id", "instance_count", "user_names"), fleet, (machine, sink) -> {
                        int[] picks = machine.draw(PROCESSES_PER_MACHINE, PROCESS_CATALOG, 2);
                        for (int pick : picks) {
                            sink.row(machine.id, processIds[pick], 1 + pick % 3, pick % 2 == 0 ? "root" : "user");
                        }
                        return picks.length;
                    });
            long serviceLinks = writeLinks(connection, "machine_service",
                    List.of("machine_id", "service_id", "status", "startup_type"), fleet, (machine, sink) -> {
                        int[] picks = machine.draw(SERVICES_PER_MACHINE, SERVICE_CATALOG, 2);
                        for (int pick : picks) {
                            sink.row(machine.id, serviceIds[pick], pick % 5 == 0 ? "Stopped" : "Running",
                                    pick % 4 == 0 ? "Manual" : "Auto");
                        }
                        return picks.length;
                    });
            writeHardware(connection, orgId, fleet);
            long[] assetIds = writeDeviceAssets(connection, orgId, fleet, now);
            long tickets = writeTickets(connection, orgId, fleet, assetIds, now);
            restartIdentities(connection);
            connection.commit();
            analyze(connection);
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Summary(orgId, count, softwareLinks, processLinks, serviceLinks, assetIds.length, tickets,
                    millis);
        }
    }

    /**
     * Turns off PostgreSQL's foreign key triggers for this session when the user may (a
     * superuser), which halves the time of the 15 million link rows of 100,000 machines. The
     * generator writes only ids it read or inserted itself, so the keys hold anyway.
     */
    private static void skipForeignKeyChecks(Connection connection) throws SQLException {
        if (!isPostgres(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
        } catch (SQLException e) {
            LOG.warn("Foreign keys stay checked during the load, which is slower: {}", e.getMessage());
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    private static long orgId(Connection connection, String orgName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM organization WHERE lower(name) = lower(?)")) {
            select.setString(1, orgName);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("Organization '" + orgName + "' not found; start the server"
                            + " once to create the first organization, or create it with 'admin create-organization'");
                }
                return rows.getLong(1);
            }
        }
    }

    private static long[] ensureSoftware(Connection connection, long orgId) throws SQLException {
        return ensureCatalog(connection, orgId, "software", SOFTWARE_CATALOG,
                "display_name || '|' || display_version || '|' || publisher", 3,
                List.of("display_name", "display_version", "publisher"),
                i -> new Object[] {SyntheticCatalog.softwareName(i), SyntheticCatalog.softwareVersion(i),
                        SyntheticCatalog.publisher(i)});
    }

    private static long[] ensureProcesses(Connection connection, long orgId) throws SQLException {
        return ensureCatalog(connection, orgId, "process", PROCESS_CATALOG, "path", 1, List.of("path", "name"), i -> {
            String path = SyntheticCatalog.processPath(i);
            return new Object[] {path, SyntheticCatalog.processName(path)};
        });
    }

    private static long[] ensureServices(Connection connection, long orgId) throws SQLException {
        return ensureCatalog(connection, orgId, "service", SERVICE_CATALOG, "name", 1,
                List.of("name", "display_name", "description"), i -> {
                    String name = SyntheticCatalog.serviceName(i);
                    return new Object[] {name, name.replace('-', ' '), "Synthetic service " + i};
                });
    }

    /**
     * Adds the catalog entries the organization lacks and returns the id of each catalog
     * index. Entries a real inventory added before keep their ids. The key expression joins
     * the unique columns with '|', as the first {@code keyParts} values of {@code entry} are joined.
     */
    private static long[] ensureCatalog(Connection connection, long orgId, String table, int size, String keySql,
            int keyParts, List<String> columns, IntFunction<Object[]> entry) throws SQLException {
        Map<String, Long> existing = existingIds(connection,
                "SELECT " + keySql + ", id FROM " + table + " WHERE org_id = ?", orgId);
        long next = nextId(connection, table);
        long[] ids = new long[size];
        List<String> allColumns = new ArrayList<>(List.of("id", "org_id"));
        allColumns.addAll(columns);
        try (BulkSink sink = BulkSink.open(connection, table, allColumns)) {
            for (int i = 0; i < size; i++) {
                Object[] values = entry.apply(i);
                StringBuilder key = new StringBuilder();
                for (int part = 0; part < keyParts; part++) {
                    key.append(part == 0 ? "" : "|").append(values[part]);
                }
                Long id = existing.get(key.toString());
                if (id == null) {
                    id = next++;
                    Object[] row = new Object[values.length + 2];
                    row[0] = id;
                    row[1] = orgId;
                    System.arraycopy(values, 0, row, 2, values.length);
                    sink.row(row);
                }
                ids[i] = id;
            }
        }
        return ids;
    }

    private static Map<String, Long> existingIds(Connection connection, String sql, long orgId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, orgId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return ids;
    }

    private static void writeMachines(Connection connection, long orgId, List<Machine> fleet, LocalDateTime now)
            throws SQLException {
        List<String> columns = List.of("id", "org_id", "kuid", "hardware_uuid", "name", "mac", "ip", "os_name",
                "os_number", "os_major", "os_version", "os_family", "os_arch", "sys_arch", "ram_total_mb",
                "cs_manufacturer", "cs_model", "bios_serial_number", "cpu_name", "physical_processors",
                "physical_cores", "machine_user", "last_user", "client_version", "last_inventory", "last_sync",
                "created_at", "modified_at");
        try (BulkSink sink = BulkSink.open(connection, "machine", columns)) {
            for (Machine machine : fleet) {
                String[] os = SYSTEMS.get(machine.pick(SYSTEMS.size()));
                String[] model = MODELS.get(machine.pick(MODELS.size()));
                String user = "user" + machine.pick(50_000);
                LocalDateTime seen = now.minusMinutes(machine.pick(60 * 24 * 30));
                sink.row(machine.id, orgId, "GEN-" + machine.id, machine.uuid(), machine.name(), machine.mac(),
                        machine.ip(), os[0], os[1], os[1].split("\\.")[0], os[1], os[2], os[3], os[3],
                        (long) (4096 << machine.pick(4)), model[0], model[1], "SN" + machine.id,
                        "Intel(R) Core(TM) i7-1365U", 1, 2 << machine.pick(3), user, user, "OCS-NG_unified_unix_agent_v2.10.0",
                        seen, seen, seen.minusDays(machine.pick(700)), seen);
            }
        }
    }

    /** Writes the network interface, MAC identity, processor and two file systems of each machine. */
    private static void writeHardware(Connection connection, long orgId, List<Machine> fleet) throws SQLException {
        long networkId = nextId(connection, "machine_network");
        try (BulkSink sink = BulkSink.open(connection, "machine_network", List.of("id", "org_id", "machine_id",
                "ordinal", "name", "mac", "ipv4", "netmask", "type", "status", "is_virtual", "speed"))) {
            for (Machine machine : fleet) {
                sink.row(networkId++, orgId, machine.id, 0, "eth0", machine.mac(), machine.ip(), "255.255.0.0",
                        "ethernet", "Up", 0, "1000");
            }
        }
        try (BulkSink sink = BulkSink.open(connection, "machine_identity_mac", List.of("org_id", "machine_id", "mac"))) {
            for (Machine machine : fleet) {
                sink.row(orgId, machine.id, machine.mac());
            }
        }
        long cpuId = nextId(connection, "machine_cpu");
        try (BulkSink sink = BulkSink.open(connection, "machine_cpu", List.of("id", "org_id", "machine_id", "ordinal",
                "name", "manufacturer", "arch", "core_count", "thread_count", "speed"))) {
            for (Machine machine : fleet) {
                sink.row(cpuId++, orgId, machine.id, 0, "Intel(R) Core(TM) i7-1365U", "Intel", "x86_64", "10",
                        "12", "3900");
            }
        }
        long driveId = nextId(connection, "machine_drive");
        try (BulkSink sink = BulkSink.open(connection, "machine_drive", List.of("id", "org_id", "machine_id",
                "ordinal", "volume", "mount_point", "file_system", "total", "free"))) {
            for (Machine machine : fleet) {
                sink.row(driveId++, orgId, machine.id, 0, "/dev/nvme0n1p2", "/", "ext4", "486000",
                        String.valueOf(10_000 + machine.id % 400_000));
                sink.row(driveId++, orgId, machine.id, 1, "/dev/nvme0n1p1", "/boot/efi", "vfat", "512", "480");
            }
        }
        connection.commit();
    }

    /** Writes the Device asset of each machine, as inventory keeps one; returns their ids in fleet order. */
    private static long[] writeDeviceAssets(Connection connection, long orgId, List<Machine> fleet,
            LocalDateTime now) throws SQLException {
        long assetId = nextId(connection, "asset");
        long[] ids = new long[fleet.size()];
        try (BulkSink sink = BulkSink.open(connection, "asset", List.of("id", "org_id", "asset_type_id", "name",
                "mapped_id", "created", "modified"))) {
            for (int i = 0; i < fleet.size(); i++) {
                Machine machine = fleet.get(i);
                ids[i] = assetId++;
                sink.row(ids[i], orgId, DEVICE_ASSET_TYPE, machine.name(), machine.id, now, now);
            }
        }
        connection.commit();
        return ids;
    }

    /**
     * Writes a ticket about every tenth machine into the organization's first queue, with the
     * queue's own statuses, priorities, impacts and categories and one creation entry each in
     * the ticket history. A queue that the server has not seeded yet gets no tickets.
     */
    private static long writeTickets(Connection connection, long orgId, List<Machine> fleet, long[] assetIds,
            LocalDateTime now) throws SQLException {
        Long queueId = firstQueue(connection, orgId);
        if (queueId == null) {
            LOG.warn("Organization {} has no service desk queue, so no tickets are generated", orgId);
            return 0;
        }
        long[] statuses = queueValues(connection, "hd_status", queueId);
        long[] priorities = queueValues(connection, "hd_priority", queueId);
        long[] impacts = queueValues(connection, "hd_impact", queueId);
        long[] categories = queueValues(connection, "hd_category", queueId);
        Long submitter = firstMember(connection, orgId);
        long ticketId = nextId(connection, "hd_ticket");
        long firstTicket = ticketId;
        try (BulkSink sink = BulkSink.open(connection, "hd_ticket", List.of("id", "org_id", "hd_queue_id", "title",
                "summary", "hd_status_id", "hd_priority_id", "hd_impact_id", "hd_category_id", "submitter_id",
                "machine_id", "asset_id", "created_at", "modified_at"))) {
            for (int i = 0; i < fleet.size(); i += MACHINES_PER_TICKET) {
                Machine machine = fleet.get(i);
                LocalDateTime created = now.minusHours(machine.pick(24 * 90));
                sink.row(ticketId++, orgId, queueId, "Problem on " + machine.name(),
                        "Generated ticket about " + machine.name(), statuses[machine.pick(statuses.length)],
                        priorities[machine.pick(priorities.length)], impacts[machine.pick(impacts.length)],
                        categories[machine.pick(categories.length)], submitter, machine.id, assetIds[i], created,
                        created);
            }
        }
        long changeId = nextId(connection, "hd_ticket_change");
        try (BulkSink sink = BulkSink.open(connection, "hd_ticket_change", List.of("id", "org_id", "hd_ticket_id",
                "user_id", "kind", "description", "created_at"))) {
            for (long id = firstTicket; id < ticketId; id++) {
                sink.row(changeId++, orgId, id, submitter, "CREATE", "Ticket created", now);
            }
        }
        connection.commit();
        return ticketId - firstTicket;
    }

    private static Long firstQueue(Connection connection, long orgId) throws SQLException {
        List<Long> ids = ids(connection, "SELECT id FROM hd_queue WHERE org_id = ? ORDER BY id", orgId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static long[] queueValues(Connection connection, String table, long queueId) throws SQLException {
        return ids(connection, "SELECT id FROM " + table + " WHERE hd_queue_id = ? ORDER BY id", queueId).stream()
                .mapToLong(Long::longValue).toArray();
    }

    private static Long firstMember(Connection connection, long orgId) throws SQLException {
        List<Long> ids = ids(connection, "SELECT user_id FROM org_membership WHERE org_id = ? ORDER BY user_id", orgId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static List<Long> ids(Connection connection, String sql, long parameter) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Writes one kind of link row for every machine and commits; returns the number of rows. */
    private static long writeLinks(Connection connection, String table, List<String> columns, List<Machine> fleet,
            LinkWriter writer) throws SQLException {
        boolean h2 = !isPostgres(connection);
        if (h2) {
            dropTargetIndex(connection, table);
        }
        long rows = 0;
        try (BulkSink sink = BulkSink.open(connection, table, columns)) {
            for (Machine machine : fleet) {
                rows += writer.write(machine, sink);
            }
        }
        connection.commit();
        if (h2) {
            restoreTargetIndex(connection, table);
        }
        return rows;
    }

    /**
     * Drops the H2 index of a link table by target and machine, with the foreign key to the
     * target that uses it. The links arrive in machine order, so that index would take them in
     * random order: at 100,000 machines H2 had not written the 15 million software links after
     * 20 minutes, with its file at 7.9 GB. Made again afterwards, the index is built sorted.
     * The names follow the migrations: {@code machine_software}, {@code software_id},
     * {@code fk_machine_software_software}, {@code ix_machine_software_software_id_machine_id}.
     */
    private static void dropTargetIndex(Connection connection, String table) throws SQLException {
        LinkNames names = LinkNames.of(table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + names.foreignKey());
            statement.execute("DROP INDEX " + names.index());
        }
    }

    private static void restoreTargetIndex(Connection connection, String table) throws SQLException {
        LinkNames names = LinkNames.of(table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX " + names.index() + " ON " + table + " (" + names.targetColumn()
                    + ", machine_id)");
            // The generator wrote only ids it had read or inserted, so the rows need no check.
            statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + names.foreignKey() + " FOREIGN KEY ("
                    + names.targetColumn() + ") REFERENCES " + names.target() + " (id) ON DELETE CASCADE NOCHECK");
        }
        connection.commit();
    }

    /** The names the migrations give a link table {@code machine_<target>}. */
    private record LinkNames(String target) {

        static LinkNames of(String table) {
            return new LinkNames(table.substring("machine_".length()));
        }

        String targetColumn() {
            return target + "_id";
        }

        String foreignKey() {
            return "fk_machine_" + target + "_" + target;
        }

        String index() {
            return "ix_machine_" + target + "_" + target + "_id_machine_id";
        }
    }

    @FunctionalInterface
    private interface LinkWriter {
        int write(Machine machine, BulkSink sink) throws SQLException;
    }

    private static long nextId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Moves each identity column past the explicit ids written here, so that the server's
     * next insert does not collide with them.
     */
    private static void restartIdentities(Connection connection) throws SQLException {
        boolean postgres = isPostgres(connection);
        for (String table : List.of("software", "process", "service", "machine", "machine_network", "machine_cpu",
                "machine_drive", "asset", "hd_ticket", "hd_ticket_change")) {
            long next = nextId(connection, table);
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next
                            + ", false)");
                } else {
                    statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
        }
    }

    /**
     * Refreshes PostgreSQL's planner statistics and visibility map, which a bulk load leaves
     * behind; without the map, filters on software read every link row from the table
     * instead of from the index alone.
     */
    private static void analyze(Connection connection) throws SQLException {
        if (!isPostgres(connection)) {
            return;
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET session_replication_role");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** One generated machine: its id and a random source seeded by it. */
    private static final class Machine {

        private final long id;
        private final SplittableRandom random;
        private final long seedState;

        Machine(long id, SplittableRandom random) {
            this.id = id;
            this.random = random;
            this.seedState = random.nextLong();
        }

        int pick(int bound) {
            return random.nextInt(bound);
        }

        String name() {
            return String.format("host-%06d", id);
        }

        String mac() {
            return String.format("02:00:%02x:%02x:%02x:%02x", (id >> 24) & 255, (id >> 16) & 255, (id >> 8) & 255,
                    id & 255);
        }

        String ip() {
            return "10." + ((id >> 16) & 255) + "." + ((id >> 8) & 255) + "." + (id & 255);
        }

        String uuid() {
            return String.format("4c4c4544-%04x-%04x-8000-%012x", (id >> 16) & 0xffff, id & 0xffff, seedState
                    & 0xffffffffffffL);
        }

        /**
         * The catalog indexes of the machine's software: each core title with a chance of
         * 95 %, then titles of the long tail, where low indexes are far more common than high.
         */
        int[] software() {
            SplittableRandom own = new SplittableRandom(seedState);
            BitSet chosen = new BitSet(SOFTWARE_CATALOG);
            int core = SyntheticCatalog.CORE.size();
            for (int i = 0; i < core; i++) {
                if (own.nextInt(100) < 95) {
                    chosen.set(i);
                }
            }
            int target = SOFTWARE_PER_MACHINE - 30 + own.nextInt(61);
            while (chosen.cardinality() < target) {
                double u = own.nextDouble();
                chosen.set(core + (int) ((SOFTWARE_CATALOG - core) * u * u * u));
            }
            return chosen.stream().toArray();
        }

        /** Picks {@code count} distinct indexes below {@code bound}, skewed towards low ones by {@code power}. */
        int[] draw(int count, int bound, int power) {
            SplittableRandom own = new SplittableRandom(seedState ^ bound);
            BitSet chosen = new BitSet(bound);
            while (chosen.cardinality() < count) {
                chosen.set((int) (bound * Math.pow(own.nextDouble(), power)));
            }
            return chosen.stream().toArray();
        }
    }
}
