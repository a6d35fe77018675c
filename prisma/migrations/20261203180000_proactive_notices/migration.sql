-- Proactive notices (a new violation, inspection due, licence expiring, points high): one row per
-- notice told, keyed by kind, subject, period and recipient, so that the same one is never told
-- twice while a new period (a renewed date, a new scoring cycle) is told again.
CREATE TABLE `ProactiveNotice` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `kind` VARCHAR(32) NOT NULL,
    `subject` VARCHAR(64) NOT NULL,
    `period` VARCHAR(32) NOT NULL,
    `driverId` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `ProactiveNotice_kind_subject_period_driverId_key`(`kind`, `subject`, `period`, `driverId`),
    INDEX `ProactiveNotice_driverId_idx`(`driverId`),
    INDEX `ProactiveNotice_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The violation sweep reads the violations recorded in the last days.
CREATE INDEX `Violation_createdAt_idx` ON `Violation`(`createdAt`);
-- The daily scans by date.
CREATE INDEX `Vehicle_inspectionDueAt_idx` ON `Vehicle`(`inspectionDueAt`);
CREATE INDEX `Licence_validUntil_idx` ON `Licence`(`validUntil`);
CREATE INDEX `Licence_points_idx` ON `Licence`(`points`);
