-- Staff link their WeChat (mini-program openid) to be pushed new cases, and keep their own
-- subscribe-message grants (key new_case).
ALTER TABLE `Staff` ADD COLUMN `wechatOpenid` VARCHAR(64) NULL;
CREATE UNIQUE INDEX `Staff_wechatOpenid_key` ON `Staff`(`wechatOpenid`);

CREATE TABLE `StaffSubscriptionQuota` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `staffId` INTEGER NOT NULL,
    `templateKey` VARCHAR(32) NOT NULL,
    `remaining` INTEGER NOT NULL DEFAULT 0,
    `accepted` INTEGER NOT NULL DEFAULT 0,
    `rejected` INTEGER NOT NULL DEFAULT 0,
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `StaffSubscriptionQuota_staffId_templateKey_key`(`staffId`, `templateKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `StaffSubscriptionQuota` ADD CONSTRAINT `StaffSubscriptionQuota_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
