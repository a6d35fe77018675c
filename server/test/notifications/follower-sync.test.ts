// The official-account follower sync against the fake WeChat: table and driver flags, unfollowers,
// paging, faults, the job's lease, and a template message reaching a synced follower.
import { loginDriver, type TestContext } from '../support/context';
import { createFollowerSyncJob, FOLLOWER_SYNC_LEASE, syncFollowers } from '../../src/modules/notifications/follower-sync';
import { createWechatClients } from '../../src/wechat';
import { WechatError } from '../../src/wechat/errors';
import { fakeOfficialAccountOpenId, fakeUnionId } from '../../src/wechat/fake';
import { TEMPLATE_SEND, accidentEvent, addFault, delivered, dispatcherFor, fake, useFakeContext } from './helpers';

const USER_GET = '/cgi-bin/user/get';
const BATCHGET = '/cgi-bin/user/info/batchget';

let ctx: TestContext;
useFakeContext((c) => (ctx = c));

const api = () => createWechatClients(ctx.deps.config, ctx.db, { timeoutMs: 1000 }).officialAccount!;
const sync = (batchSize?: number) => syncFollowers(ctx.db, api(), { batchSize });

/** The fake user `name` as a follower of the official account (with the unionid its login gives). */
const follower = (name: string) => ({ openid: fakeOfficialAccountOpenId(name), unionid: fakeUnionId(name) });
const setFollowers = (followers: { openid: string; unionid?: string }[], pageSize?: number) =>
  fake(ctx, 'POST', '/__followers', pageSize === undefined ? { followers } : { followers, pageSize });

const sorted = <T extends { openid: string }>(rows: T[]) => [...rows].sort((a, b) => (a.openid < b.openid ? -1 : 1));
const followerRows = async () =>
  sorted((await ctx.db.officialAccountFollower.findMany()).map((f) => ({ unionid: f.unionid, openid: f.openid })));
const followingDriverIds = async () =>
  (await ctx.db.driver.findMany({ where: { followsOfficialAccount: true }, orderBy: { id: 'asc' }, select: { id: true } })).map(
    (d) => d.id,
  );

describe('official-account follower sync', () => {
  it('stores followers with a unionid and flags exactly the drivers among them', async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    const c = await loginDriver(ctx);
    await ctx.db.driver.update({ where: { id: c.id }, data: { followsOfficialAccount: true } }); // stale flag
    const stranger = follower('not-a-driver');
    await setFollowers([follower(a.name), { openid: 'oa-without-unionid' }, follower(b.name), stranger]);

    const result = await sync();

    expect(result).toEqual({
      pages: 1,
      followers: 4,
      withUnionid: 3,
      withoutUnionid: 1,
      added: 3,
      removed: 0,
      driversFollowing: 2,
      driversNotFollowing: 1,
    });
    expect(await followerRows()).toEqual(sorted([follower(a.name), follower(b.name), stranger]));
    expect(await followingDriverIds()).toEqual([a.id, b.id]);

    // Nothing changed on WeChat: a second sync changes nothing.
    expect(await sync()).toMatchObject({ added: 0, removed: 0, driversFollowing: 0, driversNotFollowing: 0 });
  });

  it('removes an unfollower and clears the driver flag', async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    await setFollowers([follower(a.name), follower(b.name)]);
    await sync();
    expect(await followingDriverIds()).toEqual([a.id, b.id]);

    await setFollowers([follower(b.name)]);
    const result = await sync();

    expect(result).toMatchObject({ followers: 1, added: 0, removed: 1, driversFollowing: 0, driversNotFollowing: 1 });
    expect(await followerRows()).toEqual([follower(b.name)]);
    expect(await followingDriverIds()).toEqual([b.id]);
  });

  it('pages through the follower list and looks unionids up in batches', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `paged-${i}`);
    await setFollowers(names.map(follower), 3);
    const result = await sync(2);
    expect(result).toMatchObject({ pages: 3, followers: 7, withUnionid: 7, added: 7 });
    expect(await followerRows()).toEqual(sorted(names.map(follower)));

    // A list that fills its last page exactly ends at the total too.
    await setFollowers(names.slice(0, 6).map(follower), 3);
    expect(await sync(4)).toMatchObject({ pages: 2, followers: 6, removed: 1 });
    expect(await ctx.db.officialAccountFollower.count()).toBe(6);
  });

  it('ends on the empty page after the last when WeChat does not say the total is reached', async () => {
    await setFollowers([follower('one'), follower('two')], 2);
    const adapter = api();
    const calls: string[] = [];
    const result = await syncFollowers(ctx.db, {
      // A total over the real one: the sync must stop on the empty page, not loop.
      getFollowers: async (next = '') => {
        calls.push(next);
        return { ...(await adapter.getFollowers(next)), total: 99 };
      },
      batchGetUsers: (openids) => adapter.batchGetUsers(openids),
    });
    expect(calls).toEqual(['', follower('two').openid]);
    expect(result).toMatchObject({ pages: 2, followers: 2, added: 2 });
  });

  it('changes nothing when WeChat fails part-way, and the next run succeeds', async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    await setFollowers([follower(a.name)]);
    await sync();
    const before = { rows: await followerRows(), drivers: await followingDriverIds() };

    await setFollowers([follower(b.name), follower('x1'), follower('x2')], 1);
    await addFault(ctx, { path: BATCHGET, errcode: -1, times: 1 });
    await expect(sync(2)).rejects.toMatchObject({ errcode: -1, kind: 'retryable' });
    expect({ rows: await followerRows(), drivers: await followingDriverIds() }).toEqual(before);

    await addFault(ctx, { path: USER_GET, status: 503, times: 1 });
    const failed = await sync(2).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WechatError);
    expect(failed).toMatchObject({ status: 503, path: USER_GET });
    expect({ rows: await followerRows(), drivers: await followingDriverIds() }).toEqual(before);

    expect(await sync(2)).toMatchObject({ pages: 3, added: 3, removed: 1, driversFollowing: 1, driversNotFollowing: 1 });
    expect(await followingDriverIds()).toEqual([b.id]);
  });

  it('retries a refused token once with a fresh one', async () => {
    const a = await loginDriver(ctx);
    await setFollowers([follower(a.name)]);
    await addFault(ctx, { path: USER_GET, errcode: 40001, times: 1 });
    await addFault(ctx, { path: BATCHGET, errcode: 42001, times: 1 });
    expect(await sync()).toMatchObject({ added: 1, driversFollowing: 1 });
  });
});

describe('the follower sync job', () => {
  it('runs under a lease: skipped while another process holds it, given back after a failure', async () => {
    const a = await loginDriver(ctx);
    await setFollowers([follower(a.name)]);
    const job = createFollowerSyncJob(ctx.deps)!;
    expect(job.everyMs).toBe(ctx.deps.config.wechat.followerSyncEveryMs);

    await ctx.db.lease.create({ data: { name: FOLLOWER_SYNC_LEASE, holder: 'another-process', expiresAt: new Date(Date.now() + 60_000) } });
    await job.run();
    expect(await ctx.db.officialAccountFollower.count()).toBe(0);

    await ctx.db.lease.deleteMany();
    await addFault(ctx, { path: USER_GET, errcode: 45009, times: 1 });
    await expect(job.run()).rejects.toBeInstanceOf(WechatError);
    expect(await ctx.db.lease.findUnique({ where: { name: FOLLOWER_SYNC_LEASE } })).toBeNull();

    await job.run();
    expect(await followingDriverIds()).toEqual([a.id]);
    // Kept after a sync, so other processes skip until the next one is due.
    expect(await ctx.db.lease.findUnique({ where: { name: FOLLOWER_SYNC_LEASE } })).not.toBeNull();
  });

  it('is not built without an official account', async () => {
    const config = { ...ctx.deps.config, wechat: { ...ctx.deps.config.wechat, officialAccount: undefined } };
    expect(createFollowerSyncJob({ ...ctx.deps, config })).toBeUndefined();
  });
});

describe('end to end', () => {
  it('an official-account template message reaches a synced follower', async () => {
    const d = await loginDriver(ctx);
    await setFollowers([follower(d.name)]);
    await sync();
    await accidentEvent(ctx, d.id, 1);
    await dispatcherFor(ctx).drain();
    const row = await ctx.db.notificationOutbox.findFirstOrThrow({ where: { channel: 'OFFICIAL_TEMPLATE' } });
    expect(row.status).toBe('SENT');
    const [msg] = await delivered(ctx, TEMPLATE_SEND);
    expect(msg.body).toMatchObject({ touser: follower(d.name).openid, template_id: 'oa-tmpl-accident-progress' });
  });
});
