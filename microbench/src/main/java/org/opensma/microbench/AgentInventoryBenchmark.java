package org.opensma.microbench;

import java.util.concurrent.TimeUnit;

import org.opensma.agent.body.AgentBodyDecoder;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.MachineSnapshotMapper;
import org.opensma.agent.message.GlpiMessage;
import org.opensma.agent.message.GlpiMessageParser;
import org.opensma.agent.message.OcsMessage;
import org.opensma.agent.message.OcsMessageParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agent endpoint's work before the database: decoding, parsing and mapping one full
 * inventory of the real agent samples (806 packages each). The server spends this CPU on every
 * inventory it receives, so it bounds how many inventories per second two cores can take.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AgentInventoryBenchmark {

    private final AgentBodyDecoder decoder = new AgentBodyDecoder();
    private byte[] ocsXml;
    private byte[] fusionXml;
    private byte[] glpiJson;
    private byte[] ocsWire;

    @Setup
    public void readSamples() {
        ocsXml = Samples.read(Samples.OCS_XML);
        fusionXml = Samples.read(Samples.FUSION_XML);
        glpiJson = Samples.read(Samples.GLPI_JSON);
        ocsWire = Samples.read(Samples.OCS_WIRE);
    }

    @Benchmark
    public OcsMessage parseOcsXml() {
        return OcsMessageParser.parse(ocsXml);
    }

    @Benchmark
    public MachineSnapshot parseAndMapOcsXml() {
        return map(OcsMessageParser.parse(ocsXml));
    }

    @Benchmark
    public MachineSnapshot parseAndMapFusionXml() {
        return map(OcsMessageParser.parse(fusionXml));
    }

    /** Inflates, parses and maps an OCS agent's request, the whole path before the database. */
    @Benchmark
    public MachineSnapshot decodeParseAndMapOcsWire() {
        return map(OcsMessageParser.parse(decoder.decode(ocsWire).content()));
    }

    @Benchmark
    public MachineSnapshot parseAndMapGlpiJson() {
        GlpiMessage.InventoryMessage message = (GlpiMessage.InventoryMessage) GlpiMessageParser.parse(glpiJson);
        return MachineSnapshotMapper.map(message.deviceId(), message.inventory(), "");
    }

    private static MachineSnapshot map(OcsMessage message) {
        OcsMessage.InventoryMessage inventory = (OcsMessage.InventoryMessage) message;
        return MachineSnapshotMapper.map(inventory.deviceId(), inventory.inventory(), "");
    }
}
