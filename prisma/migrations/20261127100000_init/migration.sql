-- CreateTable
CREATE TABLE `Unit` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `serviceHours` VARCHAR(16) NULL,
    `expresswayQuick` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `Unit_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Driver` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `openid` VARCHAR(64) NOT NULL,
    `unionid` VARCHAR(64) NULL,
    `nickname` VARCHAR(64) NULL,
    `idNumber` VARCHAR(18) NULL,
    `realName` VARCHAR(64) NULL,
    `identityBoundAt` DATETIME(3) NULL,
    `followsOfficialAccount` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Driver_openid_key`(`openid`),
    UNIQUE INDEX `Driver_unionid_key`(`unionid`),
    UNIQUE INDEX `Driver_idNumber_key`(`idNumber`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Staff` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `username` VARCHAR(64) NOT NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `role` ENUM('OFFICER','AGENT','ADMIN') NOT NULL,
    `displayName` VARCHAR(64) NOT NULL,
    `unitId` INTEGER NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Staff_username_key`(`username`),
    INDEX `Staff_unitId_idx`(`unitId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LoginSession` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `tokenHash` CHAR(64) NOT NULL,
    `driverId` INTEGER NULL,
    `staffId` INTEGER NULL,
    `ip` VARCHAR(64) NULL,
    `userAgent` VARCHAR(255) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expiresAt` DATETIME(3) NOT NULL,
    `revokedAt` DATETIME(3) NULL,

    UNIQUE INDEX `LoginSession_tokenHash_key`(`tokenHash`),
    INDEX `LoginSession_driverId_idx`(`driverId`),
    INDEX `LoginSession_staffId_idx`(`staffId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `FailedAttempt` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `scope` ENUM('STAFF_USERNAME','STAFF_IP','INVITE_CODE','VEHICLE_BIND') NOT NULL,
    `key` VARCHAR(128) NOT NULL,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `FailedAttempt_scope_key_at_idx`(`scope`, `key`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditLog` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `actorType` ENUM('DRIVER','STAFF','SYSTEM') NOT NULL,
    `actorId` INTEGER NULL,
    `action` VARCHAR(64) NOT NULL,
    `entityType` VARCHAR(32) NOT NULL,
    `entityId` VARCHAR(64) NULL,
    `details` JSON NULL,
    `ip` VARCHAR(64) NULL,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AuditLog_entityType_entityId_idx`(`entityType`, `entityId`),
    INDEX `AuditLog_at_idx`(`at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Lease` (
    `name` VARCHAR(64) NOT NULL,
    `holder` VARCHAR(64) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`name`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AccidentCase` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `caseNumber` VARCHAR(32) NOT NULL,
    `status` ENUM('DRAFT','WAITING_FOR_PARTY','NEGOTIATING','PENDING_REVIEW','CONFIRMED','RETURNED','TRANSFERRED','CANCELLED','EXPIRED') NOT NULL DEFAULT 'DRAFT',
    `unitId` INTEGER NOT NULL,
    `reporterId` INTEGER NOT NULL,
    `occurredAt` DATETIME(3) NOT NULL,
    `latitude` DECIMAL(9,6) NULL,
    `longitude` DECIMAL(9,6) NULL,
    `address` VARCHAR(255) NOT NULL,
    `weather` VARCHAR(16) NULL,
    `vehicleCount` INTEGER NOT NULL,
    `inviteCode` CHAR(6) NULL,
    `inviteExpiresAt` DATETIME(3) NULL,
    `scenario` VARCHAR(32) NULL,
    `atFault` ENUM('A','B','BOTH') NULL,
    `disputed` BOOLEAN NOT NULL DEFAULT false,
    `officerLiability` JSON NULL,
    `decidedById` INTEGER NULL,
    `decidedAt` DATETIME(3) NULL,
    `decisionNote` VARCHAR(500) NULL,
    `documentNumber` VARCHAR(32) NULL,
    `verificationCode` VARCHAR(16) NULL,
    `expiresAt` DATETIME(3) NULL,
    `version` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `AccidentCase_caseNumber_key`(`caseNumber`),
    UNIQUE INDEX `AccidentCase_inviteCode_key`(`inviteCode`),
    UNIQUE INDEX `AccidentCase_documentNumber_key`(`documentNumber`),
    INDEX `AccidentCase_unitId_status_updatedAt_idx`(`unitId`, `status`, `updatedAt`),
    INDEX `AccidentCase_reporterId_idx`(`reporterId`),
    INDEX `AccidentCase_status_expiresAt_idx`(`status`, `expiresAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AccidentParty` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `caseId` INTEGER NOT NULL,
    `role` ENUM('A','B') NOT NULL,
    `driverId` INTEGER NOT NULL,
    `plate` VARCHAR(16) NULL,
    `plateType` VARCHAR(8) NULL,
    `vehicleType` VARCHAR(32) NULL,
    `driverName` VARCHAR(64) NULL,
    `licenceNumber` VARCHAR(18) NULL,
    `phone` VARCHAR(20) NULL,
    `insurer` VARCHAR(64) NULL,
    `policyNumber` VARCHAR(64) NULL,
    `agreed` BOOLEAN NULL,
    `signatureFileId` INTEGER NULL,
    `answeredAt` DATETIME(3) NULL,
    `joinedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AccidentParty_driverId_idx`(`driverId`),
    UNIQUE INDEX `AccidentParty_caseId_role_key`(`caseId`, `role`),
    UNIQUE INDEX `AccidentParty_caseId_driverId_key`(`caseId`, `driverId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `EvidenceFile` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `caseId` INTEGER NOT NULL,
    `uploadedById` INTEGER NOT NULL,
    `slot` ENUM('OVERVIEW_FRONT','OVERVIEW_REAR','COLLISION_POINT','OWN_DAMAGE','OTHER_DAMAGE','OWN_PLATE','OTHER_PLATE','EXTRA','SIGNATURE') NOT NULL,
    `storageKey` VARCHAR(255) NOT NULL,
    `sha256` CHAR(64) NOT NULL,
    `mimeType` VARCHAR(32) NOT NULL,
    `sizeBytes` INTEGER NOT NULL,
    `width` INTEGER NOT NULL,
    `height` INTEGER NOT NULL,
    `capturedAt` DATETIME(3) NULL,
    `receivedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `EvidenceFile_storageKey_key`(`storageKey`),
    INDEX `EvidenceFile_caseId_slot_idx`(`caseId`, `slot`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CaseEvent` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `caseId` INTEGER NOT NULL,
    `type` VARCHAR(48) NOT NULL,
    `actorType` ENUM('DRIVER','STAFF','SYSTEM') NOT NULL,
    `actorId` INTEGER NULL,
    `fromStatus` ENUM('DRAFT','WAITING_FOR_PARTY','NEGOTIATING','PENDING_REVIEW','CONFIRMED','RETURNED','TRANSFERRED','CANCELLED','EXPIRED') NULL,
    `toStatus` ENUM('DRAFT','WAITING_FOR_PARTY','NEGOTIATING','PENDING_REVIEW','CONFIRMED','RETURNED','TRANSFERRED','CANCELLED','EXPIRED') NULL,
    `details` JSON NULL,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `CaseEvent_caseId_at_idx`(`caseId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `InsuranceClaim` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `caseId` INTEGER NOT NULL,
    `partyId` INTEGER NOT NULL,
    `insurer` VARCHAR(64) NOT NULL,
    `policyNumber` VARCHAR(64) NULL,
    `status` ENUM('SENT','ACKNOWLEDGED','SETTLED') NOT NULL DEFAULT 'SENT',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `InsuranceClaim_insurer_createdAt_idx`(`insurer`, `createdAt`),
    UNIQUE INDEX `InsuranceClaim_caseId_partyId_key`(`caseId`, `partyId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Learner` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `idNumber` VARCHAR(18) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `licenceClass` VARCHAR(4) NOT NULL,
    `appliedAt` DATETIME(3) NOT NULL,
    `permitIssuedAt` DATETIME(3) NULL,
    `subject1PassedAt` DATETIME(3) NULL,
    `subject2PassedAt` DATETIME(3) NULL,
    `subject3PassedAt` DATETIME(3) NULL,
    `subject4PassedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Learner_idNumber_key`(`idNumber`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Venue` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(64) NOT NULL,
    `address` VARCHAR(255) NOT NULL,
    `unitId` INTEGER NULL,

    UNIQUE INDEX `Venue_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ExamSession` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `subject` INTEGER NOT NULL,
    `licenceClass` VARCHAR(4) NOT NULL,
    `venueId` INTEGER NOT NULL,
    `startsAt` DATETIME(3) NOT NULL,
    `capacity` INTEGER NOT NULL,
    `confirmedCount` INTEGER NOT NULL DEFAULT 0,
    `applicantCount` INTEGER NOT NULL DEFAULT 0,
    `bookingOpensAt` DATETIME(3) NOT NULL,
    `bookingClosesAt` DATETIME(3) NOT NULL,
    `allocation` ENUM('RANKED','FIRST_COME') NOT NULL,
    `allocatedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ExamSession_subject_startsAt_idx`(`subject`, `startsAt`),
    INDEX `ExamSession_allocation_allocatedAt_bookingClosesAt_idx`(`allocation`, `allocatedAt`, `bookingClosesAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ExamBooking` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `sessionId` INTEGER NOT NULL,
    `learnerId` INTEGER NOT NULL,
    `subject` INTEGER NOT NULL,
    `status` ENUM('PENDING','CONFIRMED','REJECTED','CANCELLED') NOT NULL,
    `sortTime` DATETIME(3) NOT NULL,
    `activeKey` VARCHAR(32) NULL,
    `result` ENUM('PASS','FAIL','NO_SHOW') NULL,
    `resultAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `cancelledAt` DATETIME(3) NULL,
    `decidedAt` DATETIME(3) NULL,

    UNIQUE INDEX `ExamBooking_activeKey_key`(`activeKey`),
    INDEX `ExamBooking_sessionId_status_sortTime_idx`(`sessionId`, `status`, `sortTime`),
    INDEX `ExamBooking_learnerId_subject_idx`(`learnerId`, `subject`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CalendarDay` (
    `date` DATE NOT NULL,
    `isWorkday` BOOLEAN NOT NULL,
    `name` VARCHAR(32) NOT NULL,

    PRIMARY KEY (`date`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Licence` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `idNumber` VARCHAR(18) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `licenceClass` VARCHAR(16) NOT NULL,
    `firstIssuedAt` DATETIME(3) NOT NULL,
    `validUntil` DATETIME(3) NOT NULL,
    `status` VARCHAR(8) NOT NULL,
    `points` INTEGER NOT NULL DEFAULT 0,
    `nextMedicalCheckAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Licence_idNumber_key`(`idNumber`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Vehicle` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `plate` VARCHAR(16) NOT NULL,
    `plateType` VARCHAR(8) NOT NULL,
    `vin` VARCHAR(17) NOT NULL,
    `ownerIdNumber` VARCHAR(18) NOT NULL,
    `brand` VARCHAR(64) NOT NULL,
    `model` VARCHAR(64) NOT NULL,
    `registeredAt` DATETIME(3) NOT NULL,
    `inspectionDueAt` DATETIME(3) NULL,
    `insuranceExpiresAt` DATETIME(3) NULL,
    `status` VARCHAR(8) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Vehicle_vin_key`(`vin`),
    INDEX `Vehicle_ownerIdNumber_idx`(`ownerIdNumber`),
    UNIQUE INDEX `Vehicle_plate_plateType_key`(`plate`, `plateType`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DriverVehicle` (
    `driverId` INTEGER NOT NULL,
    `vehicleId` INTEGER NOT NULL,
    `boundAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `DriverVehicle_vehicleId_idx`(`vehicleId`),
    PRIMARY KEY (`driverId`, `vehicleId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Violation` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `plate` VARCHAR(16) NOT NULL,
    `occurredAt` DATETIME(3) NOT NULL,
    `place` VARCHAR(255) NOT NULL,
    `code` VARCHAR(8) NOT NULL,
    `description` VARCHAR(255) NOT NULL,
    `fineFen` INTEGER NOT NULL,
    `points` INTEGER NOT NULL,
    `status` ENUM('UNPROCESSED','PROCESSED','PAID') NOT NULL,
    `decidedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Violation_plate_occurredAt_code_key`(`plate`, `occurredAt`, `code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Consultation` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `driverId` INTEGER NOT NULL,
    `category` ENUM('vehicle','licence','violation','accident','exam','other') NOT NULL,
    `content` TEXT NOT NULL,
    `status` ENUM('HELD','OPEN','CLAIMED','ANSWERED','CLOSED') NOT NULL DEFAULT 'OPEN',
    `claimedById` INTEGER NULL,
    `claimedAt` DATETIME(3) NULL,
    `firstReplyAt` DATETIME(3) NULL,
    `closedAt` DATETIME(3) NULL,
    `rating` INTEGER NULL,
    `ratedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Consultation_status_category_createdAt_idx`(`status`, `category`, `createdAt`),
    INDEX `Consultation_driverId_createdAt_idx`(`driverId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ConsultationReply` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `consultationId` INTEGER NOT NULL,
    `authorType` ENUM('DRIVER','AGENT') NOT NULL,
    `authorId` INTEGER NOT NULL,
    `content` TEXT NOT NULL,
    `internal` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ConsultationReply_consultationId_createdAt_idx`(`consultationId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `FaqEntry` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `category` ENUM('vehicle','licence','violation','accident','exam','other') NOT NULL,
    `question` VARCHAR(255) NOT NULL,
    `answer` TEXT NOT NULL,
    `keywords` VARCHAR(255) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CannedReply` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `category` ENUM('vehicle','licence','violation','accident','exam','other') NULL,
    `title` VARCHAR(64) NOT NULL,
    `content` TEXT NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `NotificationOutbox` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `driverId` INTEGER NOT NULL,
    `channel` ENUM('SUBSCRIBE','OFFICIAL_TEMPLATE') NOT NULL,
    `event` VARCHAR(48) NOT NULL,
    `templateKey` VARCHAR(32) NOT NULL,
    `dedupeKey` VARCHAR(128) NOT NULL,
    `payload` JSON NOT NULL,
    `status` ENUM('PENDING','SENT','FAILED','SKIPPED') NOT NULL DEFAULT 'PENDING',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `nextAttemptAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastError` VARCHAR(500) NULL,
    `sentAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `NotificationOutbox_status_nextAttemptAt_idx`(`status`, `nextAttemptAt`),
    INDEX `NotificationOutbox_driverId_idx`(`driverId`),
    UNIQUE INDEX `NotificationOutbox_dedupeKey_channel_key`(`dedupeKey`, `channel`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MessageCentreEntry` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `driverId` INTEGER NOT NULL,
    `event` VARCHAR(48) NOT NULL,
    `title` VARCHAR(64) NOT NULL,
    `body` VARCHAR(500) NOT NULL,
    `link` VARCHAR(255) NULL,
    `dedupeKey` VARCHAR(128) NOT NULL,
    `readAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `MessageCentreEntry_dedupeKey_key`(`dedupeKey`),
    INDEX `MessageCentreEntry_driverId_createdAt_idx`(`driverId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SubscriptionQuota` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `driverId` INTEGER NOT NULL,
    `templateKey` VARCHAR(32) NOT NULL,
    `remaining` INTEGER NOT NULL DEFAULT 0,
    `accepted` INTEGER NOT NULL DEFAULT 0,
    `rejected` INTEGER NOT NULL DEFAULT 0,
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `SubscriptionQuota_driverId_templateKey_key`(`driverId`, `templateKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `WechatAccessToken` (
    `appId` VARCHAR(64) NOT NULL,
    `token` VARCHAR(1024) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`appId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Staff` ADD CONSTRAINT `Staff_unitId_fkey` FOREIGN KEY (`unitId`) REFERENCES `Unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LoginSession` ADD CONSTRAINT `LoginSession_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LoginSession` ADD CONSTRAINT `LoginSession_staffId_fkey` FOREIGN KEY (`staffId`) REFERENCES `Staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AccidentCase` ADD CONSTRAINT `AccidentCase_unitId_fkey` FOREIGN KEY (`unitId`) REFERENCES `Unit`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AccidentCase` ADD CONSTRAINT `AccidentCase_reporterId_fkey` FOREIGN KEY (`reporterId`) REFERENCES `Driver`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AccidentCase` ADD CONSTRAINT `AccidentCase_decidedById_fkey` FOREIGN KEY (`decidedById`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AccidentParty` ADD CONSTRAINT `AccidentParty_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `AccidentCase`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AccidentParty` ADD CONSTRAINT `AccidentParty_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `EvidenceFile` ADD CONSTRAINT `EvidenceFile_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `AccidentCase`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `EvidenceFile` ADD CONSTRAINT `EvidenceFile_uploadedById_fkey` FOREIGN KEY (`uploadedById`) REFERENCES `Driver`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `CaseEvent` ADD CONSTRAINT `CaseEvent_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `AccidentCase`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `InsuranceClaim` ADD CONSTRAINT `InsuranceClaim_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `AccidentCase`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `InsuranceClaim` ADD CONSTRAINT `InsuranceClaim_partyId_fkey` FOREIGN KEY (`partyId`) REFERENCES `AccidentParty`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Venue` ADD CONSTRAINT `Venue_unitId_fkey` FOREIGN KEY (`unitId`) REFERENCES `Unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ExamSession` ADD CONSTRAINT `ExamSession_venueId_fkey` FOREIGN KEY (`venueId`) REFERENCES `Venue`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ExamBooking` ADD CONSTRAINT `ExamBooking_sessionId_fkey` FOREIGN KEY (`sessionId`) REFERENCES `ExamSession`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ExamBooking` ADD CONSTRAINT `ExamBooking_learnerId_fkey` FOREIGN KEY (`learnerId`) REFERENCES `Learner`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DriverVehicle` ADD CONSTRAINT `DriverVehicle_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `DriverVehicle` ADD CONSTRAINT `DriverVehicle_vehicleId_fkey` FOREIGN KEY (`vehicleId`) REFERENCES `Vehicle`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Consultation` ADD CONSTRAINT `Consultation_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Consultation` ADD CONSTRAINT `Consultation_claimedById_fkey` FOREIGN KEY (`claimedById`) REFERENCES `Staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ConsultationReply` ADD CONSTRAINT `ConsultationReply_consultationId_fkey` FOREIGN KEY (`consultationId`) REFERENCES `Consultation`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `NotificationOutbox` ADD CONSTRAINT `NotificationOutbox_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MessageCentreEntry` ADD CONSTRAINT `MessageCentreEntry_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SubscriptionQuota` ADD CONSTRAINT `SubscriptionQuota_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `Driver`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Reference data: the detachment's units (大队), needed in every environment.
INSERT INTO `Unit` (`code`, `name`, `serviceHours`, `expresswayQuick`) VALUES
    ('shizhong', '市中', NULL, true),
    ('xuecheng', '薛城', NULL, true),
    ('yicheng', '峄城', NULL, true),
    ('taierzhuang', '台儿庄', NULL, true),
    ('shanting', '山亭', NULL, true),
    ('tengzhou', '滕州', NULL, true),
    ('expressway', '高速公路', NULL, true);
