package org.opensma.servicedesk.persistence;

import static org.opensma.servicedesk.persistence.ServiceDeskTables.ATTACHMENT;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.CHANGE;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.CREATED_AT;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.ORG_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.TICKET_ID;
import static org.opensma.servicedesk.persistence.ServiceDeskTables.column;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The history of tickets and the files attached to it. */
@Repository
public class ChangeRepository {

    private static final Field<Long> CHANGE_ID = column("hd_ticket_change_id", SQLDataType.BIGINT);
    private static final Field<String> FILE_NAME = column("file_name", SQLDataType.VARCHAR);
    private static final Field<String> CONTENT_TYPE = column("content_type", SQLDataType.VARCHAR);
    private static final Field<Long> FILE_SIZE = column("file_size", SQLDataType.BIGINT);
    private static final Field<byte[]> CONTENT = column("content", SQLDataType.BLOB);

    private final DSLContext dsl;

    public ChangeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records one entry of a ticket's history and returns its id. */
    public long insert(long orgId, long ticketId, Long userId, String kind, String comment, String description,
            LocalDateTime at) {
        return dsl.insertInto(CHANGE)
                .set(ORG_ID, orgId).set(TICKET_ID, ticketId)
                .set(column("user_id", SQLDataType.BIGINT), userId)
                .set(column("kind", SQLDataType.VARCHAR), kind)
                .set(column("comment", SQLDataType.VARCHAR), comment)
                .set(column("description", SQLDataType.VARCHAR), description)
                .set(CREATED_AT, at)
                .returningResult(ID).fetchSingle(ID);
    }

    public long insertAttachment(long orgId, long ticketId, long changeId, String fileName, String contentType,
            byte[] content, LocalDateTime at) {
        return dsl.insertInto(ATTACHMENT)
                .set(ORG_ID, orgId).set(TICKET_ID, ticketId).set(CHANGE_ID, changeId)
                .set(FILE_NAME, fileName).set(CONTENT_TYPE, contentType)
                .set(FILE_SIZE, (long) content.length).set(CONTENT, content).set(CREATED_AT, at)
                .returningResult(ID).fetchSingle(ID);
    }

    /** One attachment of a change of a ticket of the organization, with its bytes. */
    public Optional<StoredAttachment> attachment(long orgId, long ticketId, long changeId, long attachmentId) {
        return dsl.select(FILE_NAME, CONTENT_TYPE, CONTENT).from(ATTACHMENT)
                .where(ORG_ID.eq(orgId), TICKET_ID.eq(ticketId), CHANGE_ID.eq(changeId), ID.eq(attachmentId))
                .fetchOptional(row -> new StoredAttachment(row.value1(), row.value2(), row.value3()));
    }

    /** A stored file. */
    public record StoredAttachment(String fileName, String contentType, byte[] content) {
    }
}
