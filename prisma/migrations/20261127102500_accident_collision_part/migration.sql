-- AccidentParty: the damaged part of each party's vehicle (碰撞部位) for the agreement.
ALTER TABLE `AccidentParty` ADD COLUMN `collisionPart` VARCHAR(64) NULL;
