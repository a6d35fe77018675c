-- Account deletion (DELETE /api/me): a deleted driver's row stays for the records the law keeps,
-- anonymised, with its WeChat ids nulled (still compared byte for byte) and the time it was deleted.
-- AlterTable
ALTER TABLE `Driver`
    MODIFY `openid` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN `deletedAt` DATETIME(3) NULL;

-- The admins' audit viewer filters by who and by action, newest first.
-- CreateIndex
CREATE INDEX `AuditLog_actorType_actorId_at_idx` ON `AuditLog`(`actorType`, `actorId`, `at`);

-- CreateIndex
CREATE INDEX `AuditLog_action_at_idx` ON `AuditLog`(`action`, `at`);
