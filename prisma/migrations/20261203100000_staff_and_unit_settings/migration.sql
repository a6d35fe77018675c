-- Staff accounts an admin manages: a password someone else chose must be changed at first login.
ALTER TABLE `Staff` ADD COLUMN `mustChangePassword` BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN `passwordChangedAt` DATETIME(3) NULL;

-- Unit settings kept in the row instead of in code: the district (routing a located case to the
-- nearest centre) and the duty phone shown when a case is transferred to on-site handling.
ALTER TABLE `Unit` ADD COLUMN `areaLatitude` DECIMAL(9, 6) NULL,
    ADD COLUMN `areaLongitude` DECIMAL(9, 6) NULL,
    ADD COLUMN `areaDescription` VARCHAR(200) NULL,
    ADD COLUMN `dutyPhone` VARCHAR(32) NULL;

-- The district centres the code held until now (the expressway unit is not chosen by place).
UPDATE `Unit` SET `areaLatitude` = 34.864000, `areaLongitude` = 117.556000, `areaDescription` = '市中区' WHERE `code` = 'shizhong';
UPDATE `Unit` SET `areaLatitude` = 34.795000, `areaLongitude` = 117.263000, `areaDescription` = '薛城区' WHERE `code` = 'xuecheng';
UPDATE `Unit` SET `areaLatitude` = 34.772000, `areaLongitude` = 117.590000, `areaDescription` = '峄城区' WHERE `code` = 'yicheng';
UPDATE `Unit` SET `areaLatitude` = 34.562000, `areaLongitude` = 117.734000, `areaDescription` = '台儿庄区' WHERE `code` = 'taierzhuang';
UPDATE `Unit` SET `areaLatitude` = 35.099000, `areaLongitude` = 117.461000, `areaDescription` = '山亭区' WHERE `code` = 'shanting';
UPDATE `Unit` SET `areaLatitude` = 35.114000, `areaLongitude` = 117.165000, `areaDescription` = '滕州市' WHERE `code` = 'tengzhou';
UPDATE `Unit` SET `areaDescription` = '辖区内高速公路' WHERE `code` = 'expressway';
