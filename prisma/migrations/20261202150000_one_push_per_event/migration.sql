-- One push per event: notify() writes one outbox row per notice (channel AUTO) and the dispatcher
-- chooses its one channel when it claims it (subscribe, else official account, else SMS). Before,
-- a follower got a subscribe row and an official-account row for the same event.
ALTER TABLE `NotificationOutbox`
  MODIFY `channel` ENUM('SUBSCRIBE', 'OFFICIAL_TEMPLATE', 'SMS', 'AUTO') NOT NULL DEFAULT 'AUTO',
  ADD COLUMN `phone` VARCHAR(11) NULL AFTER `channel`;
