package org.opensma.agent.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;
import org.opensma.agent.Samples;
import org.opensma.agent.body.AgentBodyDecoder;

class OcsMessageParserTest {

    private static final String DEVICE_ID = "testhost-01-2026-12-04-19-32-07";

    private final AgentBodyDecoder decoder = new AgentBodyDecoder();

    @Test
    void parsesOcsProlog() {
        OcsMessage message = parseSample(Samples.OCS_PROLOG);

        assertThat(message).isEqualTo(new OcsMessage.Prolog(DEVICE_ID));
    }

    @Test
    void parsesFusionInventoryProlog() {
        OcsMessage message = parseSample(Samples.FI_PROLOG);

        assertThat(message).isEqualTo(new OcsMessage.Prolog("testhost-01-2026-12-04-19-28-08"));
    }

    @Test
    void parsesOcsInventorySections() {
        OcsMessage message = parseSample(Samples.OCS_INVENTORY);

        assertThat(message).isInstanceOf(OcsMessage.InventoryMessage.class);
        Inventory inventory = ((OcsMessage.InventoryMessage) message).inventory();
        assertThat(message.deviceId()).isEqualTo(DEVICE_ID);
        assertThat(inventory.all("SOFTWARES")).hasSize(806);
        assertThat(inventory.all("NETWORKS")).hasSize(4);
        assertThat(inventory.all("LOCAL_GROUPS")).hasSize(47);
        assertThat(inventory.first("HARDWARE").get("NAME")).isEqualTo("testhost-01");
        assertThat(inventory.first("HARDWARE").get("MEMORY")).isEqualTo("24105");
        assertThat(inventory.first("HARDWARE").get("DATELASTLOGGEDUSER")).isEmpty();
        assertThat(inventory.first("BIOS").fields()).isEmpty();
        assertThat(inventory.first("DOWNLOAD").get("HISTORY")).isEmpty();
        assertThat(inventory.first("NO_SUCH_SECTION").get("NAME")).isEmpty();
        assertThat(inventory.all("NO_SUCH_SECTION")).isEmpty();
    }

    @Test
    void joinsRepeatedFieldsInSamples() {
        Inventory inventory = inventory(Samples.OCS_INVENTORY);

        Section lastGroup = inventory.all("LOCAL_GROUPS").stream()
                .filter(group -> group.get("ID_GROUP").equals("65534"))
                .findFirst().orElseThrow();
        assertThat(lastGroup.get("MEMBER")).isEqualTo("sync,_apt,nobody");
        assertThat(inventory(Samples.FI_INVENTORY).first("VERSIONPROVIDER").get("COMMENTS"))
                .isEqualTo("Built by Debian, Source time: 2022-12-02 16:25");
    }

    @Test
    void parsesFusionInventoryNestedAndTextSections() {
        Inventory inventory = inventory(Samples.FI_INVENTORY);

        Section os = inventory.first("OPERATINGSYSTEM");
        assertThat(os.get("TIMEZONE/NAME")).isEqualTo("UTC");
        assertThat(os.get("TIMEZONE/OFFSET")).isEqualTo("+0000");
        assertThat(os.has("TIMEZONE")).isFalse();
        assertThat(inventory.first("VERSIONCLIENT").text()).isEqualTo("FusionInventory-Agent_v2.6-3");
        // The sanitised sample has a newline as BIOS/SSN, which counts as empty.
        assertThat(inventory.first("BIOS").has("SSN")).isTrue();
        assertThat(inventory.first("BIOS").get("SSN")).isEmpty();
        assertThat(inventory.all("PROCESSES")).hasSize(74);
    }

    @Test
    void parsesLocalInventories() {
        OcsMessage ocs = OcsMessageParser.parse(Samples.bytes(Samples.OCS_LOCAL));
        OcsMessage fusion = OcsMessageParser.parse(Samples.bytes(Samples.FI_LOCAL));

        assertThat(ocs.deviceId()).isEqualTo("testhost-01-2026-12-04-19-34-39");
        assertThat(((OcsMessage.InventoryMessage) ocs).inventory().all("SOFTWARES")).hasSize(806);
        assertThat(fusion.deviceId()).isEqualTo("testhost-01-2026-12-04-19-28-08");
        assertThat(((OcsMessage.InventoryMessage) fusion).inventory().all("SOFTWARES")).hasSize(806);
    }

    @Test
    void parsesDownloadResultAttributes() {
        OcsMessage message = OcsMessageParser.parse(Samples.bytes(Samples.OCS_DOWNLOAD_RESULT));

        assertThat(message).isEqualTo(new OcsMessage.DownloadResult(
                "testhost-01-2026-12-04-19-37-08", "1700000001", "SUCCESS"));
    }

    @Test
    void flattensDownloadHistoryAttributes() {
        String excerpt = new String(Samples.bytes(Samples.OCS_DOWNLOAD_HISTORY), StandardCharsets.UTF_8);
        // The excerpt ends with the opening tag of the next section, which is cut off here.
        String history = excerpt.substring(0, excerpt.indexOf("</DOWNLOAD>") + "</DOWNLOAD>".length());
        String xml = "<REQUEST><CONTENT>" + history + "</CONTENT><DEVICEID>" + DEVICE_ID
                + "</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>";

        Inventory inventory = ((OcsMessage.InventoryMessage) parse(xml)).inventory();

        assertThat(inventory.first("DOWNLOAD").get("HISTORY/PACKAGE@ID")).isEqualTo("1700000001");
    }

    @Test
    void joinsRepeatedMembers() {
        String xml = request("INVENTORY", "<CONTENT><LOCAL_GROUPS><MEMBER>alice</MEMBER><MEMBER></MEMBER>"
                + "<MEMBER>bob</MEMBER><NAME>staff</NAME></LOCAL_GROUPS></CONTENT>");

        Section group = ((OcsMessage.InventoryMessage) parse(xml)).inventory().first("LOCAL_GROUPS");

        assertThat(group.get("MEMBER")).isEqualTo("alice, bob");
        assertThat(group.get("NAME")).isEqualTo("staff");
    }

    @Test
    void readsQueryAndDeviceIdAsAttributes() {
        OcsMessage message = parse("<REQUEST QUERY=\"PROLOG\" DEVICEID=\"" + DEVICE_ID + "\"/>");

        assertThat(message).isEqualTo(new OcsMessage.Prolog(DEVICE_ID));
    }

    @Test
    void replacesInvalidUtf8() {
        byte[] prefix = ("<REQUEST><CONTENT><SOFTWARES><NAME>caf").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("</NAME></SOFTWARES></CONTENT><DEVICEID>" + DEVICE_ID
                + "</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>").getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, xml, 0, prefix.length);
        xml[prefix.length] = (byte) 0xE9;
        xml[prefix.length + 1] = 0x01;
        System.arraycopy(suffix, 0, xml, prefix.length + 2, suffix.length);

        Inventory inventory = ((OcsMessage.InventoryMessage) OcsMessageParser.parse(xml)).inventory();

        assertThat(inventory.first("SOFTWARES").get("NAME")).isEqualTo("caf\uFFFD\uFFFD");
    }

    @Test
    void decodesCharacterAndPredefinedReferences() {
        String xml = request("INVENTORY", "<CONTENT><SOFTWARES><NAME>a &amp; b &#233;</NAME></SOFTWARES></CONTENT>");

        Inventory inventory = ((OcsMessage.InventoryMessage) parse(xml)).inventory();

        assertThat(inventory.first("SOFTWARES").get("NAME")).isEqualTo("a & b \u00E9");
    }

    @Test
    void rejectsDoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE REQUEST><REQUEST><QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.FORBIDDEN_XML_CONSTRUCT, "DOCTYPE declarations are not accepted");
    }

    @Test
    void rejectsExternalEntity() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE REQUEST [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<REQUEST><DEVICEID>&secret;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.FORBIDDEN_XML_CONSTRUCT, "DOCTYPE declarations are not accepted");
    }

    @Test
    void rejectsBillionLaughsQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE REQUEST [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd + "<REQUEST><QUERY>&lol9;</QUERY></REQUEST>";

        long start = System.nanoTime();
        assertProblem(xml, Problem.FORBIDDEN_XML_CONSTRUCT, "DOCTYPE declarations are not accepted");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void rejectsUndeclaredEntity() {
        String xml = "<REQUEST><DEVICEID>&secret;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.FORBIDDEN_XML_CONSTRUCT, "Entity references are not accepted (&secret;)");
    }

    @Test
    void rejectsDeepNesting() {
        String open = "<A>".repeat(16);
        String close = "</A>".repeat(16);
        String xml = "<REQUEST>" + open + close + "<QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.MALFORMED_XML, "XML nesting is deeper than 16 levels at element 'A'");
    }

    @Test
    void acceptsNestingAtLimit() {
        String open = "<A>".repeat(15);
        String close = "</A>".repeat(15);
        String xml = "<REQUEST>" + open + close + "<DEVICEID>" + DEVICE_ID + "</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>";

        assertThat(parse(xml)).isEqualTo(new OcsMessage.Prolog(DEVICE_ID));
    }

    @Test
    void rejectsTooManyElements() {
        String xml = "<REQUEST>" + "<X/>".repeat(500_000) + "<QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.TOO_LARGE, "XML document has more than 500000 elements");
    }

    @Test
    void rejectsLongText() {
        String xml = request("INVENTORY", "<CONTENT><SOFTWARES><NAME>" + "x".repeat(64 * 1024 + 1)
                + "</NAME></SOFTWARES></CONTENT>");

        assertProblem(xml, Problem.TOO_LARGE, "Text of 'NAME' exceeds 65536 characters");
    }

    @Test
    void rejectsTooManyAttributes() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        String xml = "<REQUEST" + attributes + "><QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.MALFORMED_XML, "Element 'REQUEST' has 33 attributes; at most 32 are accepted");
    }

    @Test
    void rejectsOtherRoot() {
        assertProblem("<REPLY><RESPONSE>SEND</RESPONSE></REPLY>", Problem.MALFORMED_XML,
                "Root element must be REQUEST, found 'REPLY'");
    }

    @Test
    void rejectsMissingDeviceId() {
        assertProblem("<REQUEST><QUERY>PROLOG</QUERY></REQUEST>", Problem.MALFORMED_XML, "DEVICEID is missing");
    }

    @Test
    void rejectsInvalidDeviceIds() {
        for (String deviceId : new String[] {"testhost-01", "../../etc/passwd-2026-12-04-19-32-07",
                "host name-2026-12-04-19-32-07", "testhost-01-2026-12-04-19-32", "x".repeat(201) + "-2026-12-04-19-32-07"}) {
            String xml = "<REQUEST><DEVICEID>" + deviceId + "</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>";

            AgentProtocolException e = assertProblem(xml, Problem.MALFORMED_XML, "DEVICEID '");

            assertThat(e).hasMessageEndingWith("is invalid; expected <host name>-YYYY-MM-DD-HH-MM-SS");
        }
    }

    @Test
    void validatesDeviceIdFormat() {
        assertThat(OcsMessageParser.isValidDeviceId(DEVICE_ID)).isTrue();
        assertThat(OcsMessageParser.isValidDeviceId("my.host_name-2026-01-02-03-04-05")).isTrue();
        assertThat(OcsMessageParser.isValidDeviceId("my host-2026-01-02-03-04-05")).isFalse();
        assertThat(OcsMessageParser.isValidDeviceId(null)).isFalse();
    }

    @Test
    void rejectsUnknownQuery() {
        AgentProtocolException e = assertProblem("<REQUEST><DEVICEID>" + DEVICE_ID + "</DEVICEID><QUERY>SNMP</QUERY></REQUEST>",
                Problem.UNKNOWN_QUERY, "QUERY 'SNMP' is not supported; expected PROLOG, INVENTORY or DOWNLOAD");

        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejectsMissingQuery() {
        assertProblem("<REQUEST><DEVICEID>" + DEVICE_ID + "</DEVICEID></REQUEST>", Problem.UNKNOWN_QUERY,
                "QUERY is missing; expected PROLOG, INVENTORY or DOWNLOAD");
    }

    @Test
    void rejectsDownloadResultWithoutNumericId() {
        String xml = "<REQUEST DEVICEID=\"" + DEVICE_ID + "\" ERR=\"SUCCESS\" ID=\"../1\" QUERY=\"DOWNLOAD\" />";

        assertProblem(xml, Problem.MALFORMED_XML, "DOWNLOAD result has an invalid package ID '../1'; expected digits only");
    }

    @Test
    void rejectsDownloadResultWithoutErr() {
        String xml = "<REQUEST DEVICEID=\"" + DEVICE_ID + "\" ID=\"1700000001\" QUERY=\"DOWNLOAD\" />";

        assertProblem(xml, Problem.MALFORMED_XML, "DOWNLOAD result is missing ERR");
    }

    @Test
    void rejectsEmptyBody() {
        assertThatThrownBy(() -> OcsMessageParser.parse(new byte[0]))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.EMPTY_BODY);
                    assertThat(e).hasMessage("Request body is empty");
                });
    }

    @Test
    void rejectsNonUtf8Declaration() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><REQUEST><QUERY>PROLOG</QUERY></REQUEST>";

        assertProblem(xml, Problem.UNSUPPORTED_FORMAT, "XML encoding 'ISO-8859-1' is not supported; agents must send UTF-8");
    }

    @Test
    void rejectsUnclosedElement() {
        assertProblem("<REQUEST><QUERY>PROLOG</QUERY>", Problem.MALFORMED_XML, "Invalid XML: ");
    }

    @Test
    void rejectsJsonBody() {
        assertProblem("{\"action\":\"contact\"}", Problem.MALFORMED_XML, "Invalid XML: ");
    }

    private OcsMessage parseSample(String relativePath) {
        return OcsMessageParser.parse(decoder.decode(Samples.bytes(relativePath)).content());
    }

    private Inventory inventory(String relativePath) {
        return ((OcsMessage.InventoryMessage) parseSample(relativePath)).inventory();
    }

    private static String request(String query, String body) {
        return "<REQUEST>" + body + "<DEVICEID>" + DEVICE_ID + "</DEVICEID><QUERY>" + query + "</QUERY></REQUEST>";
    }

    private static OcsMessage parse(String xml) {
        return OcsMessageParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static AgentProtocolException assertProblem(String xml, Problem problem, String messageStart) {
        AgentProtocolException[] caught = new AgentProtocolException[1];
        assertThatThrownBy(() -> parse(xml))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).startsWith(messageStart);
                    caught[0] = e;
                });
        return caught[0];
    }
}
