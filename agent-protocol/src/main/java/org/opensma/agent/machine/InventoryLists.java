package org.opensma.agent.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.Section;

/** Maps the repeated SOFTWARES and process sections to machine sub-entities. */
final class InventoryLists {

    private InventoryLists() {
    }

    /** Returns the software list, keeping the first entry of each (name, version, architecture). */
    static List<SoftwareItem> software(Inventory inventory) {
        Map<List<String>, SoftwareItem> unique = new LinkedHashMap<>();
        for (Section entry : inventory.all("SOFTWARES")) {
            String name = entry.get("NAME").strip();
            if (name.isEmpty()) {
                // An entry without a name cannot be shown or matched.
                continue;
            }
            String version = entry.get("VERSION").strip();
            // FusionInventory names the field ARCH, OCS names it ARCHITECTURE.
            String architecture = entry.firstOf("ARCH", "ARCHITECTURE").strip();

            SoftwareItem item = new SoftwareItem(name, version, entry.get("PUBLISHER").strip(),
                    AgentDates.normalise(entry.get("INSTALLDATE")), entry.get("UNINSTALL_STRING").strip(),
                    architecture, entry.get("FROM").strip(), Values.parseLong(entry.get("FILESIZE")));
            unique.putIfAbsent(List.of(name, version, architecture), item);
        }
        return List.copyOf(unique.values());
    }

    /** Returns PROCESSES (FusionInventory) followed by RUNNING_PROCESSES (OCS). */
    static List<ProcessItem> processes(Inventory inventory) {
        List<ProcessItem> processes = new ArrayList<>();
        for (String section : List.of("PROCESSES", "RUNNING_PROCESSES")) {
            for (Section entry : inventory.all(section)) {
                processes.add(new ProcessItem(
                        entry.firstOf("USER", "USERNAME").strip(),
                        Values.parseLong(entry.firstOf("PID", "PROCESSID")),
                        entry.firstOf("CMD", "COMMANDLINE").strip(),
                        entry.get("STARTED").strip(),
                        entry.get("CPUUSAGE").strip(),
                        entry.firstOf("MEM", "PROCESSMEMORY").strip()));
            }
        }
        return List.copyOf(processes);
    }
}
