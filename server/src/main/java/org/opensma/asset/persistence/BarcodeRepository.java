package org.opensma.asset.persistence;

import static org.opensma.asset.persistence.AssetTables.BARCODE;
import static org.opensma.asset.persistence.AssetTables.BARCODE_ASSET_ID;
import static org.opensma.asset.persistence.AssetTables.BARCODE_CREATED;
import static org.opensma.asset.persistence.AssetTables.BARCODE_ID;
import static org.opensma.asset.persistence.AssetTables.BARCODE_MODIFIED;
import static org.opensma.asset.persistence.AssetTables.BARCODE_ORG_ID;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Barcodes of assets. Every statement names the organization. */
@Repository
public class BarcodeRepository {

    private final DSLContext dsl;

    BarcodeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The asset of a barcode of the organization, and its text values by column. */
    public Optional<Map<String, Object>> lock(long orgId, long barcodeId) {
        return dsl.selectFrom(BARCODE).where(BARCODE_ID.eq(barcodeId), BARCODE_ORG_ID.eq(orgId)).forUpdate()
                .fetchOptional(row -> row.intoMap());
    }

    public long insert(long orgId, long assetId, Map<String, String> columns, LocalDateTime now) {
        var insert = dsl.insertInto(BARCODE).set(BARCODE_ORG_ID, orgId).set(BARCODE_ASSET_ID, assetId)
                .set(BARCODE_CREATED, now).set(BARCODE_MODIFIED, now);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            insert = insert.set(text(column.getKey()), column.getValue());
        }
        return insert.returningResult(BARCODE_ID).fetchSingle().value1();
    }

    public void update(long orgId, long barcodeId, Long assetId, Map<String, String> columns, LocalDateTime now) {
        var update = dsl.update(BARCODE).set(BARCODE_MODIFIED, now);
        if (assetId != null) {
            update = update.set(BARCODE_ASSET_ID, assetId);
        }
        for (Map.Entry<String, String> column : columns.entrySet()) {
            update = update.set(text(column.getKey()), column.getValue());
        }
        update.where(BARCODE_ID.eq(barcodeId), BARCODE_ORG_ID.eq(orgId)).execute();
    }

    public void delete(long orgId, long barcodeId) {
        dsl.deleteFrom(BARCODE).where(BARCODE_ID.eq(barcodeId), BARCODE_ORG_ID.eq(orgId)).execute();
    }

    private static Field<String> text(String column) {
        return DSL.field(DSL.name("barcode", column), SQLDataType.VARCHAR);
    }
}
