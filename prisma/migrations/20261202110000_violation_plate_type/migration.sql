-- A violation belongs to the vehicle with the same plate AND plate type (号牌种类): the same plate
-- number can be held by a large car (01) and a small car (02) of different owners, and a join on the
-- plate alone showed each owner the other's violations.
-- AlterTable
ALTER TABLE `Violation` ADD COLUMN `plateType` VARCHAR(8) NOT NULL DEFAULT '02' AFTER `plate`;

-- Backfill the rows imported before: an 8-character plate is new-energy (large when its 3rd
-- character is a digit: 51, else small: 52); then a plate held by exactly one vehicle takes that
-- vehicle's type (those owners saw these violations before). Every other row keeps the small-car 02.
UPDATE `Violation` SET `plateType` = IF(SUBSTRING(`plate`, 3, 1) REGEXP '^[0-9]$', '51', '52')
 WHERE CHAR_LENGTH(`plate`) = 8;

UPDATE `Violation` x
  JOIN (SELECT `plate`, MIN(`plateType`) AS `plateType` FROM `Vehicle` GROUP BY `plate` HAVING COUNT(*) = 1) v
    ON v.`plate` = x.`plate`
   SET x.`plateType` = v.`plateType`;

-- The natural key, and the index the drivers' look-up joins on (plate, plateType), gain the type.
-- DropIndex / CreateIndex
ALTER TABLE `Violation`
  DROP INDEX `Violation_plate_occurredAt_code_key`,
  ADD UNIQUE INDEX `Violation_plate_plateType_occurredAt_code_key`(`plate`, `plateType`, `occurredAt`, `code`);
