-- One outbox row per notice: the dedupe key alone is unique. Unique on (key, channel), a notice
-- notified again after its row left AUTO for its channel got a second row and a second push.
-- Rows written before one push per event (a subscribe row and an official-account row for the same
-- notice) keep their history: all but the first row of a key get the key with their id appended,
-- and those still pending are skipped (their notice goes out once, on the first row).
UPDATE `NotificationOutbox` o
  JOIN (SELECT dedupeKey, MIN(id) AS keepId FROM `NotificationOutbox` GROUP BY dedupeKey HAVING COUNT(*) > 1) d
    ON d.dedupeKey = o.dedupeKey AND o.id <> d.keepId
   SET o.status = 'SKIPPED', o.lastError = '同一通知只推送一次'
 WHERE o.status = 'PENDING';

UPDATE `NotificationOutbox` o
  JOIN (SELECT dedupeKey, MIN(id) AS keepId FROM `NotificationOutbox` GROUP BY dedupeKey HAVING COUNT(*) > 1) d
    ON d.dedupeKey = o.dedupeKey AND o.id <> d.keepId
   SET o.dedupeKey = CONCAT(LEFT(o.dedupeKey, 110), '#', o.id);

ALTER TABLE `NotificationOutbox`
  DROP INDEX `NotificationOutbox_dedupeKey_channel_key`,
  ADD UNIQUE INDEX `NotificationOutbox_dedupeKey_key` (`dedupeKey`);
