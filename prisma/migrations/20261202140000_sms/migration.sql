-- Delivery receipts of sent SMS (Tencent Cloud PullSmsSendStatus), one row per message, each once.
CREATE TABLE `SmsReceipt` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `messageId` VARCHAR(64) NOT NULL,
    `phone` VARCHAR(20) NOT NULL,
    `status` ENUM('DELIVERED','FAILED') NOT NULL,
    `description` VARCHAR(255) NULL,
    `sessionContext` VARCHAR(512) NULL,
    `deliveredAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `SmsReceipt_messageId_key`(`messageId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
