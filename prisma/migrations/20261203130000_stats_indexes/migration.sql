-- The statistics (GET /api/admin/stats) read a range of days: case events of one kind, and
-- consultations, outbox rows and message-centre entries by the time they were written.
CREATE INDEX `CaseEvent_type_at_idx` ON `CaseEvent`(`type`, `at`);
CREATE INDEX `Consultation_createdAt_idx` ON `Consultation`(`createdAt`);
CREATE INDEX `NotificationOutbox_createdAt_idx` ON `NotificationOutbox`(`createdAt`);
CREATE INDEX `MessageCentreEntry_createdAt_idx` ON `MessageCentreEntry`(`createdAt`);
