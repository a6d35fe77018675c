// The preparation `npm start` does, without starting anything: dependencies, MariaDB, the Prisma
// client and the database schema. Used before `npm run worker` and `npm run bench`.
import { DEFAULT_DB_SERVER, ensureDependencies, ensureMariadb, ensurePrismaClient, prepareDatabase } from './lib.mjs';

const databaseUrl = process.env.DATABASE_URL ?? `${DEFAULT_DB_SERVER}/jiaoguan`;
ensureDependencies();
ensurePrismaClient();
await ensureMariadb(databaseUrl);
prepareDatabase(databaseUrl, { quiet: process.argv.includes('--quiet') });
