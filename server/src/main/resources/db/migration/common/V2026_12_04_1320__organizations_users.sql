-- The users of each organization as the users API lists them: one row per membership,
-- so the same person appears once in every organization they belong to, each time with
-- the role they hold there. role is the built-in role's name, or the custom role's name
-- for members with role CUSTOM.
CREATE VIEW org_user AS
SELECT u.id,
       m.org_id,
       u.user_name,
       u.full_name,
       u.email,
       CASE WHEN m.role = 'CUSTOM' THEN r.name ELSE m.role END AS role,
       m.custom_role_id,
       u.totp_enabled AS two_factor_enabled,
       u.created_at,
       u.updated_at
FROM app_user u
JOIN org_membership m ON m.user_id = u.id
LEFT JOIN custom_role r ON r.id = m.custom_role_id;

CREATE INDEX ix_org_membership_user_id ON org_membership (user_id);
CREATE INDEX ix_org_membership_custom_role_id ON org_membership (custom_role_id);
