-- Issued documents, each with the verification code printed on its PDF and in its QR code, for the
-- public check GET /api/public/documents/:code. Documents issued before this table keep their
-- 8-character code (copied from the case) and stay checkable.
CREATE TABLE `IssuedDocument` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(16) NOT NULL,
    `caseId` INTEGER NOT NULL,
    `documentNumber` VARCHAR(32) NOT NULL,
    `kind` ENUM('AGREEMENT', 'OFFICER_FINDING') NOT NULL,
    `status` ENUM('VALID', 'SUPERSEDED', 'REVOKED') NOT NULL DEFAULT 'VALID',
    `issuedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `endedAt` DATETIME(3) NULL,
    `endReason` VARCHAR(200) NULL,

    UNIQUE INDEX `IssuedDocument_code_key`(`code`),
    INDEX `IssuedDocument_caseId_idx`(`caseId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `IssuedDocument` ADD CONSTRAINT `IssuedDocument_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `AccidentCase`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

INSERT IGNORE INTO `IssuedDocument` (`code`, `caseId`, `documentNumber`, `kind`, `status`, `issuedAt`)
SELECT `verificationCode`, `id`, `documentNumber`,
       IF(`officerLiability` IS NULL, 'AGREEMENT', 'OFFICER_FINDING'), 'VALID', COALESCE(`decidedAt`, `updatedAt`)
FROM `AccidentCase`
WHERE `status` = 'CONFIRMED' AND `verificationCode` IS NOT NULL AND `documentNumber` IS NOT NULL;
