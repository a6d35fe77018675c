-- Officer alerts: the outbox carries staff recipients too (a new case of their unit, and a case
-- overdue for review), and each unit may set its own review limit.
ALTER TABLE `Unit` ADD COLUMN `reviewLimitMinutes` INTEGER NULL;

ALTER TABLE `NotificationOutbox` MODIFY `driverId` INTEGER NULL,
    ADD COLUMN `staffId` INTEGER NULL;
-- Exactly one of driverId and staffId is set (notify.ts and staff-alerts.ts write them; MariaDB
-- refuses a CHECK on columns of a cascading foreign key).
CREATE INDEX `NotificationOutbox_staffId_idx` ON `NotificationOutbox`(`staffId`);
ALTER TABLE `NotificationOutbox` ADD CONSTRAINT `NotificationOutbox_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
