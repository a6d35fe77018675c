// Generates the Prisma client offline. `prisma generate` only checks that a schema-engine binary
// exists (it never runs it), and the engine cannot be downloaded here, so point it at node itself.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['prisma', 'generate', '--schema', '../prisma/schema.prisma'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
