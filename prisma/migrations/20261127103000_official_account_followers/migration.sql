-- Followers of the official account (notifications: template messages go to them only).
-- CreateTable
CREATE TABLE `OfficialAccountFollower` (
    `unionid` VARCHAR(64) NOT NULL,
    `openid` VARCHAR(64) NOT NULL,
    `followedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `OfficialAccountFollower_openid_key`(`openid`),
    PRIMARY KEY (`unionid`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `NotificationOutbox` ADD COLUMN `quotaHeld` BOOLEAN NOT NULL DEFAULT false;
