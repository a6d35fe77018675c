-- What an identity binding is proven against: the phone on the licence or learner record, or the
-- licence's file number (档案编号).
ALTER TABLE `Learner` ADD COLUMN `phone` VARCHAR(11) NULL AFTER `licenceClass`;
ALTER TABLE `Licence` ADD COLUMN `phone` VARCHAR(11) NULL AFTER `nextMedicalCheckAt`,
  ADD COLUMN `fileNumber` CHAR(12) NULL AFTER `phone`;
