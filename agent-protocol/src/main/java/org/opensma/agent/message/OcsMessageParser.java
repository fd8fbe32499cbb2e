package org.opensma.agent.message;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;
import org.opensma.agent.message.RequestReader.ParsedRequest;

/**
 * Parses decoded OCS Inventory XML requests into typed messages.
 *
 * <p>QUERY, DEVICEID, ID and ERR are read from a child element or from an attribute of REQUEST,
 * because the OCS agent sends its DOWNLOAD result as attributes. Parsing is streaming and bounded:
 * at most {@value RequestReader#MAX_DEPTH} levels, {@value RequestReader#MAX_ELEMENTS} elements,
 * {@value RequestReader#MAX_TEXT_CHARS} characters of text per element and
 * {@value RequestReader#MAX_ATTRIBUTES} attributes per element. DTDs and entities are rejected.
 */
public final class OcsMessageParser {

    /** Host name plus the local time of the agent's first run, YYYY-MM-DD-HH-MM-SS. */
    private static final Pattern DEVICE_ID = Pattern.compile("^[\\w.-]{1,200}-\\d{4}(-\\d{2}){5}$");

    // The OCS agent keeps package IDs in directories that it filters with ^\d+$.
    private static final Pattern PACKAGE_ID = Pattern.compile("^\\d{1,20}$");

    private OcsMessageParser() {
    }

    /**
     * Parses a decoded request body.
     *
     * @param xml UTF-8 XML with root REQUEST
     * @throws AgentProtocolException for XML that is malformed, over a limit, contains a DTD or
     *     entity, has an invalid DEVICEID, or has a QUERY other than PROLOG, INVENTORY or DOWNLOAD
     */
    public static OcsMessage parse(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length == 0) {
            throw new AgentProtocolException(Problem.EMPTY_BODY, "Request body is empty");
        }
        ParsedRequest request = RequestReader.read(xml);

        String query = request.value("QUERY");
        if (query.isEmpty()) {
            throw new AgentProtocolException(Problem.UNKNOWN_QUERY,
                    "QUERY is missing; expected PROLOG, INVENTORY or DOWNLOAD");
        }
        return switch (query.strip().toUpperCase(Locale.ROOT)) {
            case "PROLOG" -> new OcsMessage.Prolog(deviceId(request));
            case "INVENTORY" -> new OcsMessage.InventoryMessage(deviceId(request), request.inventory());
            case "DOWNLOAD" -> downloadResult(request);
            default -> throw new AgentProtocolException(Problem.UNKNOWN_QUERY, "QUERY "
                    + RequestReader.quote(query) + " is not supported; expected PROLOG, INVENTORY or DOWNLOAD");
        };
    }

    /** Returns true when the value has the DEVICEID format that both agents generate. */
    public static boolean isValidDeviceId(String deviceId) {
        return deviceId != null && DEVICE_ID.matcher(deviceId).matches();
    }

    private static String deviceId(ParsedRequest request) {
        String deviceId = request.value("DEVICEID").strip();
        if (deviceId.isEmpty()) {
            throw new AgentProtocolException(Problem.MALFORMED_XML, "DEVICEID is missing");
        }
        if (!isValidDeviceId(deviceId)) {
            throw new AgentProtocolException(Problem.MALFORMED_XML, "DEVICEID " + RequestReader.quote(deviceId)
                    + " is invalid; expected <host name>-YYYY-MM-DD-HH-MM-SS");
        }
        return deviceId;
    }

    private static OcsMessage.DownloadResult downloadResult(ParsedRequest request) {
        String deviceId = deviceId(request);

        String packageId = request.value("ID").strip();
        if (!PACKAGE_ID.matcher(packageId).matches()) {
            throw new AgentProtocolException(Problem.MALFORMED_XML, "DOWNLOAD result has an invalid package ID "
                    + RequestReader.quote(packageId) + "; expected digits only");
        }

        String result = request.value("ERR").strip();
        if (result.isEmpty()) {
            throw new AgentProtocolException(Problem.MALFORMED_XML, "DOWNLOAD result is missing ERR");
        }
        return new OcsMessage.DownloadResult(deviceId, packageId, result);
    }
}
