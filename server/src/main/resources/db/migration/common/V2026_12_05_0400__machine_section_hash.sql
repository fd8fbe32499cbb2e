-- A digest of what the last inventory of a machine reported for each section (software,
-- network interfaces, processes and every hardware table). An inventory whose section has the
-- same digest leaves that section's rows alone, so an unchanged re-inventory writes little.
-- A machine without a row for a section, such as one the bench generator wrote, gets the
-- section written in full on its next inventory.
CREATE TABLE machine_section_hash (
    org_id     BIGINT      NOT NULL,
    machine_id BIGINT      NOT NULL,
    section    VARCHAR(64) NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    CONSTRAINT pk_machine_section_hash PRIMARY KEY (machine_id, section),
    CONSTRAINT fk_machine_section_hash_machine FOREIGN KEY (machine_id) REFERENCES machine (id) ON DELETE CASCADE,
    CONSTRAINT fk_machine_section_hash_organization FOREIGN KEY (org_id) REFERENCES organization (id)
        ON DELETE CASCADE
);
