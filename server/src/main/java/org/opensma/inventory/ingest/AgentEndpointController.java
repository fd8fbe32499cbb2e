package org.opensma.inventory.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.body.AgentBodyDecoder;
import org.opensma.agent.body.AgentReplies;
import org.opensma.agent.body.AgentReplyEncoder;
import org.opensma.agent.body.BodyEncoding;
import org.opensma.agent.body.DecodeLimits;
import org.opensma.agent.body.DecodedBody;
import org.opensma.agent.body.EncodedReply;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.agent.machine.MachineSnapshotMapper;
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
 * The endpoint of the OCS Inventory protocol, spoken by ocsinventory-agent,
 * fusioninventory-agent and GLPI Agent in its legacy mode: zlib-compressed XML posted
 * to {@code /ocsinventory}, a PROLOG and then an INVENTORY, each answered in the
 * agent's own encoding.
 */
@RestController
class AgentEndpointController {

    private static final Logger log = LoggerFactory.getLogger(AgentEndpointController.class);

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
        if (isJson(body)) {
            // GLPI Agent's native protocol sends JSON, plain or compressed. Rejecting it here gives a
            // message that names JSON, where the XML parser would report "Invalid XML".
            throw new AgentProtocolException(AgentProtocolException.Problem.UNSUPPORTED_FORMAT,
                    "JSON request bodies are not supported. Send the OCS Inventory XML protocol,"
                            + " zlib-compressed or as plain XML");
        }
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);

        String reply = switch (OcsMessageParser.parse(body.content())) {
            case OcsMessage.Prolog prolog -> {
                ingestService.recordContact(agent.orgId(), prolog.deviceId());
                yield AgentReplies.prologSend(prologFrequencyHours);
            }
            case OcsMessage.InventoryMessage inventory -> {
                MachineSnapshot snapshot = MachineSnapshotMapper.map(inventory.deviceId(), inventory.inventory(),
                        userAgent == null ? "" : userAgent);
                RawInventory raw = new RawInventory(body.encoding().name(), body.content().length, wire);
                IngestResult result = ingestService.ingest(agent.orgId(), snapshot, inventory.inventory(), raw);
                log.info("Inventory received org={} machine={} device={} new={} bytes={} decodedBytes={}"
                                + " software={} softwareAdded={} softwareRemoved={} ms={}",
                        agent.orgId(), result.machineId(), inventory.deviceId(), result.created(), wire.length,
                        body.content().length, result.softwareCount(), result.softwareChanges().added(),
                        result.softwareChanges().removed(), (System.nanoTime() - started) / 1_000_000);
                yield AgentReplies.inventoryAccepted();
            }
            case OcsMessage.DownloadResult download -> {
                log.info("Package result org={} device={} package={} result={}", agent.orgId(),
                        download.deviceId(), download.packageId(), download.result());
                yield AgentReplies.inventoryAccepted();
            }
        };

        EncodedReply encoded = AgentReplyEncoder.encode(reply, body.encoding(), userAgent);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(encoded.contentType())).body(encoded.body());
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
