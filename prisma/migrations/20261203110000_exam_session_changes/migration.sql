-- Exam sessions the office cancels (status, when, why) and bookings released by it.
ALTER TABLE `ExamSession`
    ADD COLUMN `status` ENUM('SCHEDULED','CANCELLED') NOT NULL DEFAULT 'SCHEDULED' AFTER `allocatedAt`,
    ADD COLUMN `cancelledAt` DATETIME(3) NULL AFTER `status`,
    ADD COLUMN `cancelReason` VARCHAR(200) NULL AFTER `cancelledAt`;

ALTER TABLE `ExamBooking`
    MODIFY `status` ENUM('PENDING','CONFIRMED','REJECTED','CANCELLED','CANCELLED_BY_OFFICE') NOT NULL;
