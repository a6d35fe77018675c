-- Exam bookings: the one priority application per subject near the end of a learner's permit.
ALTER TABLE `ExamBooking` ADD COLUMN `priority` BOOLEAN NOT NULL DEFAULT false;
