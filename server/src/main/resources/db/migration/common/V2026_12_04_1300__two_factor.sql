-- Throttles two-factor guessing per user: totp_failures counts invalid codes since the last
-- accepted one; when it reaches the limit, codes are rejected until totp_locked_until (UTC).
ALTER TABLE app_user ADD COLUMN totp_failures INT NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN totp_locked_until TIMESTAMP;
