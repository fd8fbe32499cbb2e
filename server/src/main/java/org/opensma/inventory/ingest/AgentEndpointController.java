package org.opensma.inventory.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.body.AgentBodyDecoder;
import org.opensma.agent.body.AgentReplies;
import org.opensma.agent.body.AgentReplyEncoder;
import org.opensma.agent.body.BodyEncoding;
import org.opensma.agent.body.DecodeLimits;
import org.opensma.agent.body.DecodedBody;
import org.opensma.agent.body.EncodedReply;
import org.opensma.agent.body.GlpiReplies;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.MachineSnapshotMapper;
import org.opensma.agent.message.GlpiMessage;
import org.opensma.agent.message.GlpiMessageParser;
import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.OcsMessage;
import org.opensma.agent.message.OcsMessageParser;
import org.opensma.inventory.ingest.InventoryIngestService.IngestResult;
import org.opensma.platform.config.OpenSmaProperties;
import org.opensma.platform.security.AgentPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent endpoint {@code /ocsinventory}. It speaks the OCS Inventory protocol of
 * ocsinventory-agent, fusioninventory-agent and GLPI Agent in its legacy mode (XML, a PROLOG
 * and then an INVENTORY), and the native JSON protocol of GLPI Agent (a CONTACT and then an
 * inventory). The body's format is detected from its content, and each reply uses the agent's own
 * encoding.
 */
@RestController
class AgentEndpointController {

    private static final Logger log = LoggerFactory.getLogger(AgentEndpointController.class);
    private static final String GLPI_AGENT_ID_HEADER = "GLPI-Agent-ID";

    private final InventoryIngestService ingestService;
    private final AgentBodyDecoder decoder;
    private final int prologFrequencyHours;

    AgentEndpointController(InventoryIngestService ingestService, OpenSmaProperties properties) {
        this.ingestService = ingestService;
        OpenSmaProperties.Agent agent = properties.agent();
        this.decoder = new AgentBodyDecoder(new DecodeLimits(agent.maxCompressedSize().toBytes(),
                agent.maxDecodedSize().toBytes(), agent.maxCompressionRatio()));
        this.prologFrequencyHours = Math.max(1, (int) agent.prologFrequency().toHours());
    }

    @PostMapping({"/ocsinventory", "/ocsinventory/"})
    ResponseEntity<byte[]> receive(HttpServletRequest request, @AuthenticationPrincipal AgentPrincipal agent)
            throws IOException {
        long started = System.nanoTime();
        byte[] wire = readBounded(request.getInputStream(), request.getContentLengthLong());
        DecodedBody body = decoder.decode(wire);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (isJson(body)) {
            return receiveJson(body, wire, agent, userAgent, request.getHeader(GLPI_AGENT_ID_HEADER), started);
        }

        String reply = switch (OcsMessageParser.parse(body.content())) {
            case OcsMessage.Prolog prolog -> {
                ingestService.recordContact(agent.orgId(), prolog.deviceId());
                yield AgentReplies.prologSend(prologFrequencyHours);
            }
            case OcsMessage.InventoryMessage inventory -> {
                store(new ReceivedInventory(agent, inventory.deviceId(), inventory.inventory(), userAgent, "-"),
                        body, wire, started);
                yield AgentReplies.inventoryAccepted();
            }
            case OcsMessage.DownloadResult download -> {
                log.info("Package result org={} device={} package={} result={}", agent.orgId(),
                        download.deviceId(), download.packageId(), download.result());
                yield AgentReplies.inventoryAccepted();
            }
        };

        EncodedReply encoded = AgentReplyEncoder.encode(reply, body.encoding(), userAgent);
        return reply(encoded);
    }

    /**
     * Handles the GLPI Agent native protocol: a JSON CONTACT gets the inventory task and the
     * contact interval as {@code expiration} in hours, and a JSON inventory is stored like an
     * XML one.
     */
    private ResponseEntity<byte[]> receiveJson(DecodedBody body, byte[] wire, AgentPrincipal agent,
            String userAgent, String agentIdHeader, long started) {
        String agentId = glpiAgentId(agentIdHeader);
        String reply = switch (GlpiMessageParser.parse(body.content())) {
            case GlpiMessage.Contact contact -> {
                ingestService.recordContact(agent.orgId(), contact.deviceId());
                yield GlpiReplies.contact(prologFrequencyHours);
            }
            case GlpiMessage.InventoryMessage inventory -> {
                store(new ReceivedInventory(agent, inventory.deviceId(), inventory.inventory(), userAgent, agentId),
                        body, wire, started);
                yield GlpiReplies.inventoryAccepted(prologFrequencyHours);
            }
        };
        return reply(AgentReplyEncoder.encodeJson(reply, body.encoding()));
    }

    /** Inventory of one request with the sender's identity, ready to store. */
    private record ReceivedInventory(AgentPrincipal agent, String deviceId, Inventory inventory, String userAgent,
            String glpiAgentId) {
    }

    private void store(ReceivedInventory received, DecodedBody body, byte[] wire, long started) {
        AgentPrincipal agent = received.agent();
        MachineSnapshot snapshot = MachineSnapshotMapper.map(received.deviceId(), received.inventory(),
                received.userAgent() == null ? "" : received.userAgent());
        RawInventory raw = new RawInventory(body.encoding().name(), body.content().length, wire);
        IngestResult result = ingestService.ingest(agent.orgId(), snapshot, received.inventory(), raw);
        log.info("Inventory received org={} machine={} device={} glpiAgentId={} new={} bytes={} decodedBytes={}"
                        + " software={} softwareAdded={} softwareRemoved={} ms={}",
                agent.orgId(), result.machineId(), received.deviceId(), received.glpiAgentId(), result.created(),
                wire.length, body.content().length, result.softwareCount(), result.softwareChanges().added(),
                result.softwareChanges().removed(), (System.nanoTime() - started) / 1_000_000);
    }

    private static ResponseEntity<byte[]> reply(EncodedReply encoded) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(encoded.contentType())).body(encoded.body());
    }

    /**
     * Returns the GLPI-Agent-ID header for the log: GLPI Agent sends a UUID, which identifies
     * the agent installation. The server does not need it, so a missing or malformed value is
     * logged as "-" rather than rejected.
     */
    private static String glpiAgentId(String header) {
        if (header == null) {
            return "-";
        }
        try {
            return UUID.fromString(header.strip()).toString();
        } catch (IllegalArgumentException e) {
            // The value itself is not logged, because it is untrusted and may contain line breaks.
            log.debug("GLPI-Agent-ID header ignored: not a UUID ({} characters)", header.length());
            return "-";
        }
    }

    /**
     * The FusionInventory JSON protocol shares the URL; with no jobs to offer, every
     * action gets an empty object, which the agent reads as "nothing scheduled".
     */
    @GetMapping(value = {"/ocsinventory", "/ocsinventory/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    String jsonProtocol(@RequestParam(name = "action", required = false) String action) {
        return "{}";
    }

    private static boolean isJson(DecodedBody body) {
        if (body.encoding() == BodyEncoding.JSON) {
            return true;
        }
        byte[] content = body.content();
        int i = 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && (content[i] == '{' || content[i] == '[');
    }

    private byte[] readBounded(InputStream in, long contentLength) throws IOException {
        long limit = decoder.limits().maxCompressedBytes();
        if (contentLength > limit) {
            throw tooLarge(limit);
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static AgentProtocolException tooLarge(long limit) {
        return new AgentProtocolException(AgentProtocolException.Problem.TOO_LARGE,
                "Inventory body exceeds the compressed limit of " + limit + " bytes");
    }
}
