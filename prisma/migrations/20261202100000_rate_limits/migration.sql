-- Atomic rate limits (rate-limiter-flexible's MySQL store): one row per limiter key and window.
-- Replaces FailedAttempt, whose count-then-insert let parallel attempts through.
CREATE TABLE `RateLimit` (
    `key` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `points` INT NOT NULL DEFAULT 0,
    `expire` BIGINT NULL,
    PRIMARY KEY (`key`),
    INDEX `RateLimit_expire_idx` (`expire`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

DROP TABLE `FailedAttempt`;
