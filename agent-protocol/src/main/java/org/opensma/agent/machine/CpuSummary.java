package org.opensma.agent.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.Section;

/**
 * Processor fields of a machine.
 *
 * <p>Both agents send one CPUS entry per socket: OCS 2.10 on Linux repeats its entry NBSOCKET
 * times, and FusionInventory sends one per physical processor. So the socket count is the number
 * of entries, and the core count is the sum of CORE (FusionInventory) or CORES (OCS, per socket).
 *
 * @param processors sockets grouped by model as {@code <count> x <model>}, groups joined with
 *     ", " in order of appearance, for example {@code 2 x Intel(R) Xeon(R) Gold 6230, 1 x AMD EPYC}
 */
record CpuSummary(String processors, String cpuName, Integer physicalProcessors, Integer physicalCores) {

    static CpuSummary from(Inventory inventory) {
        Section hardware = inventory.first("HARDWARE");
        List<Section> cpus = inventory.all("CPUS");
        if (cpus.isEmpty()) {
            return fromHardware(hardware);
        }

        Map<String, Integer> socketsByModel = new LinkedHashMap<>();
        List<Integer> cores = new ArrayList<>();
        for (Section cpu : cpus) {
            // FusionInventory names the model NAME, OCS names it TYPE.
            String model = cpu.firstOf("NAME", "TYPE");
            model = model.isEmpty() ? hardware.get("PROCESSORT").strip() : model.strip();
            socketsByModel.merge(model, 1, Integer::sum);

            Integer cpuCores = Values.parseInteger(cpu.firstOf("CORE", "CORES"));
            if (cpuCores != null) {
                cores.add(cpuCores);
            }
        }

        String cpuName = socketsByModel.keySet().iterator().next();
        Integer coreCount = cores.isEmpty() ? null : cores.stream().mapToInt(Integer::intValue).sum();
        return new CpuSummary(describe(socketsByModel), cpuName, cpus.size(), coreCount);
    }

    /** Uses PROCESSORN and PROCESSORT when an agent sends no CPUS section. */
    private static CpuSummary fromHardware(Section hardware) {
        String model = hardware.get("PROCESSORT").strip();
        Integer count = Values.parseInteger(hardware.get("PROCESSORN"));
        if (model.isEmpty()) {
            return new CpuSummary("", "", count, null);
        }
        Map<String, Integer> socketsByModel = Map.of(model, count == null ? 1 : count);
        return new CpuSummary(describe(socketsByModel), model, count, null);
    }

    private static String describe(Map<String, Integer> socketsByModel) {
        List<String> groups = new ArrayList<>();
        socketsByModel.forEach((model, count) -> groups.add(count + " x " + (model.isEmpty() ? "unknown" : model)));
        return String.join(", ", groups);
    }
}
