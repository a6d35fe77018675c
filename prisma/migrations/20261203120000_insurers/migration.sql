-- The insurers' directory; insurer staff (role INSURER) belong to one company; a claim links to the
-- directory's insurer and moves SENT → RECEIVED → ASSESSING → SETTLED (ACKNOWLEDGED was never set:
-- any such row reads RECEIVED).
CREATE TABLE `Insurer` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `hotline` VARCHAR(20) NOT NULL,
    `aliases` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `Insurer_code_key`(`code`),
    UNIQUE INDEX `Insurer_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `Staff` MODIFY `role` ENUM('OFFICER','AGENT','ADMIN','INSURER') NOT NULL,
    ADD COLUMN `insurerId` INTEGER NULL;
CREATE INDEX `Staff_insurerId_idx` ON `Staff`(`insurerId`);
ALTER TABLE `Staff` ADD CONSTRAINT `Staff_insurerId_fkey` FOREIGN KEY (`insurerId`) REFERENCES `Insurer`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `InsuranceClaim` MODIFY `status` ENUM('SENT','ACKNOWLEDGED','RECEIVED','ASSESSING','SETTLED') NOT NULL DEFAULT 'SENT';
UPDATE `InsuranceClaim` SET `status` = 'RECEIVED' WHERE `status` = 'ACKNOWLEDGED';
ALTER TABLE `InsuranceClaim` MODIFY `status` ENUM('SENT','RECEIVED','ASSESSING','SETTLED') NOT NULL DEFAULT 'SENT',
    ADD COLUMN `insurerId` INTEGER NULL,
    ADD COLUMN `statusNote` VARCHAR(200) NULL,
    ADD COLUMN `receivedAt` DATETIME(3) NULL,
    ADD COLUMN `assessingAt` DATETIME(3) NULL,
    ADD COLUMN `settledAt` DATETIME(3) NULL;
CREATE INDEX `InsuranceClaim_insurerId_createdAt_idx` ON `InsuranceClaim`(`insurerId`, `createdAt`);
ALTER TABLE `InsuranceClaim` ADD CONSTRAINT `InsuranceClaim_insurerId_fkey` FOREIGN KEY (`insurerId`) REFERENCES `Insurer`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- The directory: the motor insurers of the region with their national claims hotlines (reference
-- data, like the units; an admin's later changes are kept: the migration runs once).
INSERT INTO `Insurer` (`code`, `name`, `hotline`, `aliases`) VALUES
    ('PICC', '中国人保财险', '95518', '["中国人保","人保财险","人保","中国人民财产保险","中国人民财产保险股份有限公司","PICC P&C"]'),
    ('PAIC', '平安产险', '95511', '["平安保险","平安","中国平安","平安财险","中国平安财产保险","平安财产保险"]'),
    ('CPIC', '太平洋产险', '95500', '["太平洋保险","太平洋","太保","太保产险","中国太平洋财产保险","太平洋财险"]'),
    ('CLPC', '国寿财险', '95519', '["中国人寿财险","中国人寿财产保险","国寿财产保险"]'),
    ('CIC', '中华联合财险', '95585', '["中华联合","中华保险","中华联合财产保险"]'),
    ('CCIC', '大地保险', '95590', '["中国大地保险","大地财险","中国大地财产保险"]'),
    ('SINOSIG', '阳光产险', '95510', '["阳光保险","阳光财险","阳光财产保险"]'),
    ('TPIC', '太平财险', '95589', '["太平保险","中国太平","太平财产保险"]');
