// The outbox dispatcher: claims due rows in small batches (FOR UPDATE SKIP LOCKED), chooses each
// new row's one channel by the rule (channel-rule.ts), sends it, and records SENT / FAILED /
// SKIPPED or the next attempt. Safe with several processes.
import { Prisma } from '../../generated/prisma/client';
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { Logger } from '../../logger';
import { WechatError } from '../../wechat/errors';
import type { WechatClients } from '../../wechat';
import type { EventData, EventName, TemplateKey } from './events';
import { invalidKeyword, officialTemplateData, renderMessage, templateId, type RenderedMessage } from './templates';
import { withRetry } from '../../lib/db-errors';
import { chooseChannel, chooseStaffChannel, MUST_REACH, noChannelReason, STAFF_NO_GRANT_REASON, type PushChannel, type Reach } from './channel-rule';
import { renderStaffMessage, type OfficerAlertData } from './staff-alerts';
import type { RateLimits } from '../../lib/rate-limit';
import { buildSms, smsTemplateOfEvent, SmsError, type SmsProvider, type SmsTemplateData } from '../../sms';
import { shanghaiDay } from '@jiaoguan/contracts/time';

export interface DispatcherOptions {
  batchSize?: number;
  /** Batches in flight at once in this process (default 2). */
  lanes?: number;
  /** A claimed row is not claimed again for this long (a crashed process's rows come back after it). */
  claimMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Gathers results for this long before writing them (one UPDATE for many sent rows). */
  flushMs?: number;
  random?: () => number;
  /** The SMS provider: without one (or without `limits` for the per-phone cap) the rule never picks SMS. */
  sms?: SmsProvider;
  limits?: RateLimits;
}

interface ClaimedRow {
  id: number;
  /** The recipient: a driver, or a staff member (officer alerts, staff-alerts.ts); one of the two is set. */
  driverId: number | null;
  staffId: number | null;
  channel: PushChannel | 'AUTO';
  phone: string | null;
  event: string;
  templateKey: string;
  dedupeKey: string;
  payload: unknown;
  attempts: number;
  quotaHeld: boolean;
  createdAt: Date;
}

type DriverRow = ClaimedRow & { driverId: number };

type Outcome =
  | { id: number; kind: 'sent' }
  | { id: number; kind: 'skipped'; reason: string; zeroQuota?: Refund; refund?: Refund }
  | { id: number; kind: 'failed'; reason: string; refund?: Refund }
  | { id: number; kind: 'retry'; reason: string; attempts: number; refund?: Refund }
  /** The grant turned out to be spent (43101): the rule chooses again, without a subscribe message. */
  | { id: number; kind: 'rechoose'; reason: string; zeroQuota: Refund };

/**
 * Whose grant a row spends: a driver's (SubscriptionQuota) or a staff member's
 * (StaffSubscriptionQuota). The one place the two kinds of recipient part.
 */
interface Refund {
  kind: 'driver' | 'staff';
  holderId: number;
  templateKey: string;
}

const GRANT_TABLES = {
  driver: { table: Prisma.raw('SubscriptionQuota'), holder: Prisma.raw('driverId') },
  staff: { table: Prisma.raw('StaffSubscriptionQuota'), holder: Prisma.raw('staffId') },
} as const;

function holderOf(row: Pick<ClaimedRow, 'driverId' | 'staffId' | 'templateKey'>): Refund {
  return row.staffId !== null && row.staffId !== undefined
    ? { kind: 'staff', holderId: Number(row.staffId), templateKey: row.templateKey }
    : { kind: 'driver', holderId: Number(row.driverId), templateKey: row.templateKey };
}
const grantKey = (h: Refund) => `${h.kind}:${h.holderId}:${h.templateKey}`;

export const NO_QUOTA_REASON = '用户没有可用的订阅次数';

/** Delay before attempt `attempts + 1`: exponential from the base, capped, with jitter (half fixed, half random). */
export function backoffMs(attempts: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

export class Dispatcher {
  private readonly batchSize: number;
  private readonly lanes: number;
  private readonly claimMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly flushMs: number;
  private readonly random: () => number;
  private readonly sms: SmsProvider | undefined;
  private readonly limits: RateLimits | undefined;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly wechat: WechatClients,
    private readonly log: Logger,
    options: DispatcherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 50;
    this.lanes = options.lanes ?? 2;
    this.claimMs = options.claimMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.backoffBaseMs = options.backoffBaseMs ?? 2_000;
    this.backoffCapMs = options.backoffCapMs ?? 300_000;
    this.flushMs = options.flushMs ?? 20;
    this.random = options.random ?? Math.random;
    this.limits = options.limits;
    this.sms = options.limits ? options.sms : undefined;
  }

  /**
   * Dispatches batches until fewer than a full batch is due or `budgetMs` has passed; returns rows
   * handled. Several lanes claim and send side by side (SKIP LOCKED keeps their rows apart), so one
   * batch's database work overlaps another's waiting on WeChat.
   */
  async drain(budgetMs = 5_000): Promise<number> {
    const until = Date.now() + budgetMs;
    const lane = async () => {
      let total = 0;
      for (;;) {
        const n = await this.runOnce();
        total += n;
        if (n < this.batchSize || Date.now() >= until) return total;
      }
    };
    const counts = await Promise.all(Array.from({ length: this.lanes }, lane));
    return counts.reduce((a, b) => a + b, 0);
  }

  /**
   * Claims one batch, sends it, records the results; returns the number of rows claimed. Nothing
   * is sent before the claim has committed. On a Galera cluster SKIP LOCKED keeps apart only the
   * lanes of one node: two nodes may pick the same rows, and the second claim to commit is refused
   * (certification, 1213) whole, quota grants included, so it sends nothing and claims again.
   */
  async runOnce(): Promise<number> {
    const { rows, skipped } = await withRetry(() => this.claim(), { attempts: 5 });
    const results = new ResultWriter(this.db, this.flushMs, (attempts) => this.nextAttemptAt(attempts));
    for (const [row, reason] of skipped) results.add({ id: row.id, kind: 'skipped', reason });
    const toSend = rows.filter((r) => !skipped.has(r));
    if (toSend.length > 0) {
      const driverIds = [...new Set(toSend.flatMap((r) => (r.driverId === null ? [] : [r.driverId])))];
      const staffIds = [...new Set(toSend.flatMap((r) => (r.staffId === null ? [] : [r.staffId])))];
      const drivers = new Map(
        (driverIds.length === 0 ? [] : await this.db.driver.findMany({ where: { id: { in: driverIds } }, select: { id: true, openid: true, unionid: true } })).map(
          (d) => [d.id, d],
        ),
      );
      // Staff are pushed while active and linked: a deactivated or unlinked officer gets nothing.
      const staff = new Map(
        (staffIds.length === 0 ? [] : await this.db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, wechatOpenid: true, active: true } })).map(
          (m) => [m.id, m.active ? (m.wechatOpenid ?? undefined) : undefined],
        ),
      );
      const unionids = [...drivers.values()].map((d) => d.unionid).filter((u): u is string => !!u);
      const needFollowers = toSend.some((r) => r.channel === 'OFFICIAL_TEMPLATE');
      const followers = needFollowers
        ? new Map(
            (await this.db.officialAccountFollower.findMany({ where: { unionid: { in: unionids } } })).map((f) => [f.unionid, f.openid]),
          )
        : new Map<string, string>();
      await Promise.all(
        toSend.map(async (row) => {
          if (row.staffId !== null) {
            results.add(await this.sendOne(row, staff.get(row.staffId), undefined));
            return;
          }
          const driver = drivers.get(row.driverId!);
          const outcome = await this.sendOne(row, driver?.openid ?? undefined, driver?.unionid ? followers.get(driver.unionid) : undefined);
          results.add(outcome);
        }),
      );
    }
    await results.close();
    return rows.length;
  }

  private async claim(): Promise<{ rows: ClaimedRow[]; skipped: Map<ClaimedRow, string> }> {
    return this.db.$transaction(async (tx) => {
      const now = new Date();
      const rows = await tx.$queryRaw<ClaimedRow[]>`
        SELECT id, driverId, staffId, channel, phone, event, templateKey, dedupeKey, payload, attempts, quotaHeld, createdAt
          FROM NotificationOutbox
         WHERE status = 'PENDING' AND nextAttemptAt <= ${now}
         ORDER BY nextAttemptAt
         LIMIT ${this.batchSize}
           FOR UPDATE SKIP LOCKED`;
      const skipped = new Map<ClaimedRow, string>();
      if (rows.length === 0) return { rows, skipped };
      for (const r of rows) {
        r.quotaHeld = Boolean(r.quotaHeld);
        r.driverId = r.driverId === null ? null : Number(r.driverId);
        r.staffId = r.staffId === null || r.staffId === undefined ? null : Number(r.staffId);
        if (typeof r.payload === 'string') r.payload = JSON.parse(r.payload);
      }
      // A new row (AUTO) or a subscribe row retried after its grant went back needs a grant to go
      // out as a subscribe message; the grants are locked and counted down here.
      const needing = rows.filter((r) => r.channel === 'AUTO' || (r.channel === 'SUBSCRIBE' && !r.quotaHeld));
      const holding: number[] = [];
      const chosen = new Map<PushChannel, number[]>();
      if (needing.length > 0) {
        const left = await lockGrants(tx, needing);
        const reach = await reachOf(tx, rows.filter((r): r is DriverRow => r.channel === 'AUTO' && r.driverId !== null), {
          officialAccount: !!this.wechat.officialAccount,
          sms: !!this.sms,
        });
        for (const r of needing) {
          const q = left.get(grantKey(holderOf(r)));
          const grant = !!q && q.remaining > q.taken;
          const forStaff = r.staffId !== null;
          const channel =
            r.channel !== 'AUTO' ? (grant ? 'SUBSCRIBE' : null)
            : forStaff ? chooseStaffChannel(grant)
            : chooseChannel(r.event, { ...reach.get(r.id)!, subscribeGrant: grant });
          if (channel === null) {
            skipped.set(
              r,
              forStaff ? STAFF_NO_GRANT_REASON
              : r.channel === 'AUTO' ? noChannelReason(r.event, { ...reach.get(r.id)!, subscribeGrant: false })
              : NO_QUOTA_REASON,
            );
            continue;
          }
          if (channel === 'SUBSCRIBE') {
            q!.taken += 1;
            holding.push(r.id);
            r.quotaHeld = true;
          }
          if (channel === 'SMS') r.phone = reach.get(r.id)!.phone;
          if (r.channel === 'AUTO') chosen.set(channel, [...(chosen.get(channel) ?? []), r.id]);
          r.channel = channel;
        }
        for (const kind of ['driver', 'staff'] as const) {
          const taken = [...left.values()].filter((q) => q.kind === kind && q.taken > 0);
          if (taken.length === 0) continue;
          const cases = Prisma.join(taken.map((q) => Prisma.sql`WHEN ${q.id} THEN ${q.taken}`), ' ');
          await tx.$executeRaw`UPDATE ${GRANT_TABLES[kind].table} SET remaining = remaining - CASE id ${cases} END
                                WHERE id IN (${Prisma.join(taken.map((q) => q.id))})`;
        }
      }
      const claimUntil = new Date(now.getTime() + this.claimMs);
      const ids = Prisma.join(rows.map((r) => r.id));
      const held = holding.length > 0 ? Prisma.sql`id IN (${Prisma.join(holding)})` : Prisma.sql`FALSE`;
      await tx.$executeRaw`
        UPDATE NotificationOutbox
           SET nextAttemptAt = ${claimUntil}, attempts = attempts + 1, updatedAt = ${now},
               quotaHeld = quotaHeld OR ${held}
         WHERE id IN (${ids})`;
      // The channel chosen is kept: a retry goes out on the same one.
      for (const [channel, chosenIds] of chosen) {
        await tx.$executeRaw`UPDATE NotificationOutbox SET channel = ${channel} WHERE id IN (${Prisma.join(chosenIds)})`;
      }
      for (const r of rows) {
        if (chosen.get('SMS')?.includes(r.id)) await tx.$executeRaw`UPDATE NotificationOutbox SET phone = ${r.phone} WHERE id = ${r.id}`;
        r.attempts += 1;
      }
      return { rows, skipped };
    }, { isolationLevel: 'ReadCommitted' });
  }

  private async sendOne(row: ClaimedRow, openid: string | undefined, oaOpenid: string | undefined): Promise<Outcome> {
    const refund: Refund | undefined = row.quotaHeld ? holderOf(row) : undefined;
    const key = row.templateKey as TemplateKey;
    const forStaff = row.staffId !== null;
    let message: { page: string; data: Record<string, string>; title?: string; body?: string };
    try {
      message = forStaff
        ? renderStaffMessage(row.event, row.payload as OfficerAlertData)
        : renderMessage(row.event as EventName, row.payload as EventData[EventName], new Date(row.createdAt));
    } catch (err) {
      return { id: row.id, kind: 'failed', reason: `无法生成消息内容：${(err as Error).message}`.slice(0, 500), refund };
    }
    if (row.channel === 'SMS') return this.sendSms(row, refund);
    try {
      if (row.channel === 'SUBSCRIBE') {
        if (!openid && forStaff) return { id: row.id, kind: 'skipped', reason: '工作人员账号已停用或未绑定微信', refund };
        if (!openid) return { id: row.id, kind: 'failed', reason: '用户不存在', refund };
        const invalid = invalidKeyword(message.data);
        if (invalid) return { id: row.id, kind: 'failed', reason: `字段 ${invalid} 的值不符合微信规则`, refund };
        await this.wechat.miniProgram.sendSubscribeMessage({
          openid,
          templateId: forStaff ? this.config.wechat.staffTemplates.new_case : templateId(this.config, key, 'SUBSCRIBE'),
          page: message.page,
          data: message.data,
          state: this.config.env === 'production' ? 'formal' : 'developer',
        });
      } else {
        const oa = this.wechat.officialAccount;
        if (!oa) return { id: row.id, kind: 'skipped', reason: '未配置公众号' };
        if (!oaOpenid) return { id: row.id, kind: 'skipped', reason: '用户未关注公众号' };
        await oa.sendTemplate({
          openid: oaOpenid,
          templateId: templateId(this.config, key, 'OFFICIAL_TEMPLATE'),
          miniprogram: { appid: this.config.wechat.appId, pagepath: message.page },
          data: officialTemplateData(message as RenderedMessage),
        });
      }
      return { id: row.id, kind: 'sent' };
    } catch (err) {
      if (!(err instanceof WechatError)) {
        this.log.error({ err, outboxId: row.id }, 'notification send crashed');
        return this.retryOrFail(row, `内部错误：${(err as Error).message}`, refund);
      }
      const detail = `${err.errcode} ${err.errmsg}${err.status ? ` (HTTP ${err.status})` : ''}`;
      switch (err.kind) {
        case 'quota':
          return { id: row.id, kind: 'rechoose', reason: `${NO_QUOTA_REASON}（${detail}）`, zeroQuota: holderOf(row) };
        case 'invalid': {
          const field = /data\.(\w+)\.value/.exec(err.errmsg)?.[1];
          return { id: row.id, kind: 'failed', reason: field ? `字段 ${field} 被微信拒绝：${detail}` : `微信拒绝：${detail}`, refund };
        }
        default:
          return this.retryOrFail(row, `微信暂时不可用：${detail}`, refund);
      }
    }
  }

  /** An SMS to the phone the rule found, within the per-phone daily cap. */
  private async sendSms(row: ClaimedRow, refund: Refund | undefined): Promise<Outcome> {
    const key = smsTemplateOfEvent(row.event);
    if (!this.sms || !this.limits || !row.phone) return { id: row.id, kind: 'skipped', reason: '短信未开通', refund };
    if (!key) return { id: row.id, kind: 'failed', reason: `事件 ${row.event} 没有短信模板`, refund };
    const cap = this.limits.limiter('sms-phone', { points: this.config.dailyLimits.smsPerPhone, windowMs: 86_400_000 });
    const capKey = `${row.phone}:${shanghaiDay(new Date())}`;
    if (!(await cap.consume(capKey)).allowed) {
      return { id: row.id, kind: 'skipped', reason: `该手机号今天的短信已达${this.config.dailyLimits.smsPerPhone}条上限；已存入消息中心`, refund };
    }
    try {
      const { template, params } = buildSms(key, row.payload as SmsTemplateData[typeof key]);
      await this.sms.send({ phone: row.phone, template, params, sessionContext: String(row.id) });
      return { id: row.id, kind: 'sent' };
    } catch (err) {
      // Not sent: the cap's point goes back.
      await cap.refund(capKey).catch(() => undefined);
      if (!(err instanceof SmsError)) {
        this.log.error({ err, outboxId: row.id }, 'SMS send crashed');
        return this.retryOrFail(row, `内部错误：${(err as Error).message}`, refund);
      }
      const detail = `${err.code}${err.status ? ` (HTTP ${err.status})` : ''}`;
      if (err.kind === 'quota') return { id: row.id, kind: 'skipped', reason: `短信平台对该号码限频：${detail}；已存入消息中心`, refund };
      if (err.kind === 'invalid') return { id: row.id, kind: 'failed', reason: `短信平台拒绝：${detail}`, refund };
      return this.retryOrFail(row, `短信平台暂时不可用：${detail}`, refund);
    }
  }

  private retryOrFail(row: ClaimedRow, reason: string, refund: Refund | undefined): Outcome {
    if (row.attempts >= this.maxAttempts) return { id: row.id, kind: 'failed', reason: `重试${row.attempts}次后放弃：${reason}`, refund };
    return { id: row.id, kind: 'retry', reason, attempts: row.attempts, refund };
  }

  /** Next attempt time for a retry. */
  private nextAttemptAt(attempts: number): Date {
    return new Date(Date.now() + backoffMs(attempts, this.backoffBaseMs, this.backoffCapMs, this.random));
  }
}

type Tx = Prisma.TransactionClient;

/** The grants of the rows' (holder, template) pairs, drivers' and staff's, locked for the claim, with what it takes of them. */
async function lockGrants(tx: Tx, rows: ClaimedRow[]) {
  const out = new Map<string, { kind: Refund['kind']; id: number; remaining: number; taken: number }>();
  for (const kind of ['driver', 'staff'] as const) {
    const holders = rows.map(holderOf).filter((h) => h.kind === kind);
    if (holders.length === 0) continue;
    const { table, holder } = GRANT_TABLES[kind];
    const pairs = Prisma.join(holders.map((h) => Prisma.sql`(${h.holderId}, ${h.templateKey})`));
    const quotas = await tx.$queryRaw<{ id: number; holderId: number; templateKey: string; remaining: number }[]>`
      SELECT id, ${holder} AS holderId, templateKey, remaining FROM ${table}
       WHERE (${holder}, templateKey) IN (${pairs}) FOR UPDATE`;
    for (const q of quotas) {
      out.set(grantKey({ kind, holderId: Number(q.holderId), templateKey: q.templateKey }), { kind, id: q.id, remaining: Number(q.remaining), taken: 0 });
    }
  }
  return out;
}

/**
 * What the rule needs to know of each new row's recipient, besides the grant: do they follow the
 * official account, and which phone is known for them (for events that must reach them): the
 * phone they gave as a party of the case, else the one on their proven identity's records.
 */
async function reachOf(tx: Tx, rows: DriverRow[], configured: { officialAccount: boolean; sms: boolean }): Promise<Map<number, Omit<Reach, 'subscribeGrant'>>> {
  const out = new Map<number, Omit<Reach, 'subscribeGrant'>>();
  if (rows.length === 0) return out;
  const driverIds = [...new Set(rows.map((r) => r.driverId))];
  const drivers = await tx.driver.findMany({ where: { id: { in: driverIds } }, select: { id: true, unionid: true, idNumber: true } });
  const byId = new Map(drivers.map((d) => [d.id, d]));
  const unionids = drivers.map((d) => d.unionid).filter((u): u is string => !!u);
  const following = new Set(
    configured.officialAccount && unionids.length > 0
      ? (await tx.officialAccountFollower.findMany({ where: { unionid: { in: unionids } }, select: { unionid: true } })).map((f) => f.unionid)
      : [],
  );
  const wantPhone = configured.sms ? rows.filter((r) => MUST_REACH.has(r.event)) : [];
  const casePhones = new Map<string, string>();
  const caseRows = wantPhone.filter((r) => typeof (r.payload as { caseId?: unknown })?.caseId === 'number');
  if (caseRows.length > 0) {
    const parties = await tx.accidentParty.findMany({
      where: { OR: caseRows.map((r) => ({ caseId: (r.payload as { caseId: number }).caseId, driverId: r.driverId })) },
      select: { caseId: true, driverId: true, phone: true },
    });
    for (const p of parties) if (p.phone && p.driverId) casePhones.set(`${p.caseId}:${p.driverId}`, p.phone);
  }
  const idNumbers = [...new Set(wantPhone.map((r) => byId.get(r.driverId)?.idNumber).filter((n): n is string => !!n))];
  const recordPhones = new Map<string, string>();
  if (idNumbers.length > 0) {
    const [licences, learners] = await Promise.all([
      tx.licence.findMany({ where: { idNumber: { in: idNumbers }, phone: { not: null } }, select: { idNumber: true, phone: true } }),
      tx.learner.findMany({ where: { idNumber: { in: idNumbers }, phone: { not: null } }, select: { idNumber: true, phone: true } }),
    ]);
    for (const r of [...learners, ...licences]) recordPhones.set(r.idNumber, r.phone!);
  }
  for (const r of rows) {
    const d = byId.get(r.driverId);
    const caseId = (r.payload as { caseId?: unknown })?.caseId;
    const phone =
      !wantPhone.includes(r)
        ? null
        : (typeof caseId === 'number' ? casePhones.get(`${caseId}:${r.driverId}`) : undefined) ?? (d?.idNumber ? recordPhones.get(d.idNumber) : undefined) ?? null;
    out.set(r.id, { followsOfficialAccount: !!d?.unionid && following.has(d.unionid), phone, smsAvailable: configured.sms });
  }
  return out;
}

/** Writes outcomes as they arrive: sent rows gathered into one UPDATE every few milliseconds. */
class ResultWriter {
  private sent: number[] = [];
  private others: Exclude<Outcome, { kind: 'sent' }>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly flushMs: number,
    private readonly schedule: (attempts: number) => Date,
  ) {}

  add(outcome: Outcome): void {
    if (outcome.kind === 'sent') this.sent.push(outcome.id);
    else this.others.push(outcome);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain.then(() => this.flush());
    }, this.flushMs);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.chain = this.chain.then(() => this.flush());
    await this.chain;
  }

  private async flush(): Promise<void> {
    const sent = this.sent;
    const others = this.others;
    this.sent = [];
    this.others = [];
    const now = new Date();
    if (sent.length > 0) {
      await retryOnLockConflict(() => this.db.$executeRaw`
        UPDATE NotificationOutbox SET status = 'SENT', sentAt = ${now}, lastError = NULL, updatedAt = ${now}
         WHERE id IN (${Prisma.join(sent)}) AND status = 'PENDING'`);
    }
    for (const o of others) await retryOnLockConflict(() => this.write(o, now));
  }

  /** A grant not spent goes back to the user; the row then holds none (only pending rows care). */
  private async write(o: Exclude<Outcome, { kind: 'sent' }>, now: Date): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const refund = o.kind === 'rechoose' ? undefined : o.refund;
      if (refund) {
        const { table, holder } = GRANT_TABLES[refund.kind];
        await tx.$executeRaw`UPDATE ${table} SET remaining = remaining + 1
                              WHERE ${holder} = ${refund.holderId} AND templateKey = ${refund.templateKey}`;
      }
      if ((o.kind === 'skipped' || o.kind === 'rechoose') && o.zeroQuota) {
        const { table, holder } = GRANT_TABLES[o.zeroQuota.kind];
        await tx.$executeRaw`UPDATE ${table} SET remaining = 0
                              WHERE ${holder} = ${o.zeroQuota.holderId} AND templateKey = ${o.zeroQuota.templateKey}`;
      }
      const reason = o.reason.slice(0, 500);
      if (o.kind === 'rechoose') {
        await tx.$executeRaw`UPDATE NotificationOutbox
             SET channel = 'AUTO', nextAttemptAt = ${now}, lastError = ${reason}, quotaHeld = FALSE, updatedAt = ${now}
           WHERE id = ${o.id} AND status = 'PENDING'`;
      } else if (o.kind === 'retry') {
        await tx.$executeRaw`UPDATE NotificationOutbox
             SET nextAttemptAt = ${this.schedule(o.attempts)}, lastError = ${reason}, quotaHeld = FALSE, updatedAt = ${now}
           WHERE id = ${o.id} AND status = 'PENDING'`;
      } else {
        const status = o.kind === 'skipped' ? 'SKIPPED' : 'FAILED';
        await tx.$executeRaw`UPDATE NotificationOutbox
             SET status = ${status}, lastError = ${reason}, quotaHeld = FALSE, updatedAt = ${now}
           WHERE id = ${o.id} AND status = 'PENDING'`;
      }
    });
  }
}

/**
 * Runs a result write again when the database chose it as a deadlock victim or it waited too long
 * for a lock: a lost result would make the row go out a second time after its claim expires.
 */
const retryOnLockConflict = <T>(write: () => Promise<T>) =>
  withRetry(write, { attempts: 5, backoffMs: (n) => 10 * n + Math.random() * 20 });
