-- Violations carry the licence they were recorded against; consultations carry their first-reply deadline.
-- AlterTable
ALTER TABLE `Violation` ADD COLUMN `licenceNumber` VARCHAR(18) NULL;

-- CreateIndex
CREATE INDEX `Violation_licenceNumber_idx` ON `Violation`(`licenceNumber`);

-- AlterTable
ALTER TABLE `Consultation` ADD COLUMN `firstReplyDueAt` DATETIME(3) NULL;
