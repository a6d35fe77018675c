// `npm run admin -- create <username> [--name 名字]`: makes an admin account from the command line,
// for a new detachment's first admin (works in production: no demo data involved). It applies the
// migrations first, as the server's preparation does, and prints a one-time password once, on
// stdout only (never logged or stored readable); the first login must replace it.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { createDb } from '../../db';
import { migrate } from '../../db/migrate';
import { AppError } from '../../http/errors';
import { usernameField } from '@jiaoguan/contracts/schemas/staff';
import { createStaff } from './use-cases/create-staff';

const USAGE = '用法：npm run admin -- create <用户名> [--name 姓名]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
  const [command, rawUsername, ...rest] = positionals;
  if (command !== 'create' || !rawUsername || rest.length) fail(USAGE, 2);
  const username = usernameField.safeParse(rawUsername);
  if (!username.success) fail(`用户名不可用：${username.error.issues[0].message}`, 2);
  const displayName = (values.name ?? '系统管理员').trim();
  if (!displayName || displayName.length > 64) fail('姓名需为1到64个字符', 2);

  const config = loadConfig(process.env, { wechatRequired: false });
  const applied = await migrate(config.databaseUrl);
  if (applied.length) process.stderr.write(`migrations applied: ${applied.join(', ')}\n`);
  const db = createDb(config.databaseUrl, 2);
  try {
    const created = await createStaff({ db }, { username: username.data, displayName, role: 'admin' });
    process.stdout.write(
      `已创建管理员账号 ${created.username}（${created.displayName}）\n` +
        `一次性密码（只显示这一次，首次登录后必须修改）：\n${created.temporaryPassword}\n`,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'USERNAME_TAKEN') fail(`用户名 ${username.data} 已被使用，没有创建账号`);
    throw err;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => fail(`创建管理员失败：${err instanceof Error ? err.message : String(err)}`));
