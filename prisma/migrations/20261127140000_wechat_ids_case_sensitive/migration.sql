-- WeChat openids and unionids are case-sensitive (base64-like): compare them byte for byte, so
-- two users whose ids differ only in letter case can never be taken for one another.
-- AlterTable
ALTER TABLE `Driver`
    MODIFY `openid` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY `unionid` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

-- AlterTable
ALTER TABLE `OfficialAccountFollower`
    MODIFY `unionid` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY `openid` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
