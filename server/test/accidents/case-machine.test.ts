// The case machine: the table agrees with the diagram in docs/accidents.md, refuses every action from
// every state it does not list, and the `actions` of the case views are what the server then accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCIDENT_STATUSES, type AccidentStatus } from '@jiaoguan/contracts/labels';
import { AppError } from '../../src/http/errors';
import {
  actionsFor,
  allowedFrom,
  CASE_ACTIONS,
  CASE_MACHINE,
  mayAct,
  OPEN_STATES,
  requireAction,
  type CaseAction,
  type CaseRole,
  type CaseRule,
} from '../../src/modules/accidents/case-machine';
import { expireCases } from '../../src/modules/accidents/use-cases/expire-cases';
import { loginDriver, type TestContext } from '../support/context';
import { png } from '../uploads/images';
import { accidentSuite, DETAILS_A, DETAILS_B, expectStatus, type steps } from './flow';

const ROLES: CaseRole[] = ['reporter', 'secondParty', 'officer', 'system'];
const rule = (a: CaseAction): CaseRule => CASE_MACHINE[a];

/** One line per allowed (from, action): `from --> to : ACTION / events / who[ / within X]`. */
function tableLines(): string[] {
  return CASE_ACTIONS.flatMap((a) => {
    const r = rule(a);
    const froms = r.from.length ? r.from : ['[*]'];
    return froms.map((from) => line(from, r.to ?? from, a, [...r.events], [...r.by], r.within));
  }).sort();
}

const line = (from: string, to: string, action: string, events: string[], by: string[], within?: string) =>
  JSON.stringify({ from, to, action, events: [...events].sort(), by: [...by].sort(), within: within ?? null });

/** The transitions of the mermaid stateDiagram-v2 in docs/accidents.md. */
function diagramLines(): string[] {
  const doc = readFileSync(path.join(__dirname, '../../../docs/accidents.md'), 'utf8');
  const block = /```mermaid\n\s*stateDiagram-v2\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/accidents.md has no mermaid stateDiagram-v2 block');
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('%%'))
    .map((l) => {
      const m = /^(\S+)\s*-->\s*(\S+)\s*:\s*(.+)$/.exec(l);
      if (!m) throw new Error(`not a transition: ${l}`);
      const [action, events, by, within] = m[3].split(' / ').map((x) => x.trim());
      return line(
        m[1],
        m[2],
        action,
        events === '-' ? [] : events.split(',').map((x) => x.trim()),
        by.split(',').map((x) => x.trim()),
        within?.replace(/^within\s+/, ''),
      );
    })
    .sort();
}

describe('the case machine table', () => {
  it('has exactly the transitions of the state diagram in docs/accidents.md', () => {
    const table = tableLines();
    const diagram = diagramLines();
    expect(diagram.filter((l) => !table.includes(l))).toEqual([]);
    expect(table.filter((l) => !diagram.includes(l))).toEqual([]);
    expect(diagram).toHaveLength(table.length);
  });

  it('refuses each action from every state it does not list (409 INVALID_STATE), and the wrong caller first (403)', () => {
    for (const action of CASE_ACTIONS) {
      for (const status of ACCIDENT_STATUSES) {
        for (const role of ROLES) {
          let refused: AppError | undefined;
          try {
            requireAction(action, status, role);
          } catch (err) {
            refused = err as AppError;
          }
          const where = `${action} from ${status} by ${role}`;
          if (!mayAct(action, role)) expect([where, refused?.status, refused?.code]).toEqual([where, 403, 'FORBIDDEN']);
          else if (!allowedFrom(action, status)) expect([where, refused?.status, refused?.code]).toEqual([where, 409, 'INVALID_STATE']);
          else expect([where, refused]).toEqual([where, undefined]);
        }
      }
    }
  });

  it('offers what the contract describes: the parties of a negotiated case, the officer of a case under review', () => {
    expect(actionsFor('NEGOTIATING', 'reporter')).toEqual(['EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'ANSWER', 'CANCEL']);
    expect(actionsFor('NEGOTIATING', 'secondParty')).toEqual(['EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'ANSWER']);
    expect(actionsFor('WAITING_FOR_PARTY', 'reporter')).toEqual(['SHOW_INVITE', 'EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'CANCEL']);
    expect(actionsFor('PENDING_REVIEW', 'officer')).toEqual(['CONFIRM', 'RETURN', 'TRANSFER', 'HAND_OVER']);
    expect(actionsFor('PENDING_REVIEW', 'reporter')).toEqual([]);
    expect(actionsFor('CONFIRMED', 'secondParty')).toEqual(['DOWNLOAD_DOCUMENT']);
    for (const closed of ['TRANSFERRED', 'CANCELLED', 'EXPIRED'] as const) {
      for (const role of ROLES) expect([closed, role, actionsFor(closed, role)]).toEqual([closed, role, []]);
    }
  });

  it('names only real states and events; steps within another action name a row; closed states have no way out', () => {
    for (const a of CASE_ACTIONS) {
      const r = rule(a);
      for (const s of [...r.from, ...(r.to ? [r.to] : [])]) expect(ACCIDENT_STATUSES).toContain(s);
      if (r.within) expect(CASE_ACTIONS).toContain(r.within);
    }
    expect([...OPEN_STATES].sort()).toEqual(['DRAFT', 'NEGOTIATING', 'PENDING_REVIEW', 'RETURNED', 'WAITING_FOR_PARTY'].sort());
  });
});

describe('actions in the case views (HTTP)', () => {
  const suite = accidentSuite();
  let ctx: TestContext;
  let s: ReturnType<typeof steps>;
  beforeAll(() => {
    ({ ctx, s } = suite);
  });

  type Who = { role: CaseRole; token: string; kind: 'driver' | 'officer' };
  type Case = { id: number; a: Who; b?: Who; officer: Who };

  async function caseIn(state: AccidentStatus): Promise<Case> {
    const officer: Who = { role: 'officer', token: await s.officer(), kind: 'officer' };
    const decide = async (c: { id: number }, decision: string) =>
      expectStatus(await s.decide(officer.token, c.id, { decision, note: '请补拍碰撞部位', liability: { A: '全部', B: '无' } }), 200);
    const withParties = (c: { id: number; a: { token: string }; b?: { token: string } }): Case => ({
      id: c.id,
      a: { role: 'reporter', token: c.a.token, kind: 'driver' },
      ...(c.b ? { b: { role: 'secondParty', token: c.b.token, kind: 'driver' } } : {}),
      officer,
    });
    if (state === 'WAITING_FOR_PARTY' || state === 'EXPIRED') {
      const a = await loginDriver(ctx);
      const created = await s.report(a.token);
      expectStatus(created, 201);
      if (state === 'EXPIRED') await expireCases(ctx.deps, { now: new Date(Date.now() + 31 * 60_000) });
      return withParties({ id: created.body.id, a });
    }
    if (state === 'NEGOTIATING' || state === 'CANCELLED') {
      const c = await s.negotiating();
      if (state === 'CANCELLED') expectStatus(await ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(c.a.token)), 200);
      return withParties(c);
    }
    const c = await s.pendingReview();
    if (state === 'CONFIRMED') await decide(c, 'CONFIRM');
    if (state === 'RETURNED') await decide(c, 'RETURN');
    if (state === 'TRANSFERRED') await decide(c, 'TRANSFER');
    return withParties(c);
  }

  /** Asks for the action over HTTP as `who`. */
  async function take(c: Case, who: Who, action: CaseAction) {
    const h = s.auth(who.token);
    const url = `/api/accidents/${c.id}`;
    switch (action) {
      case 'SHOW_INVITE':
        return ctx.http.get(`${url}/invite-qr`).set(h);
      case 'EDIT_DETAILS':
        return ctx.http.put(`${url}/parties/me`).set(h).send(who.role === 'secondParty' ? DETAILS_B : DETAILS_A);
      case 'UPLOAD_PHOTO':
        return s.upload(who.token, c.id, 'EXTRA');
      case 'SET_LIABILITY':
        return s.liability(who.token, c.id);
      case 'ANSWER': {
        const sig = await s.upload(who.token, c.id, 'SIGNATURE', png(300, 120, c.id));
        return s.confirm(who.token, c.id, true, sig.status === 201 ? sig.body.id : 2_147_483_647);
      }
      case 'CANCEL':
        return ctx.http.post(`${url}/cancel`).set(h);
      case 'DOWNLOAD_DOCUMENT':
        return ctx.http.get(`${url}/agreement`).set(h);
      case 'CONFIRM':
      case 'RETURN':
      case 'TRANSFER':
        return s.decide(who.token, c.id, { decision: action, note: '请补拍碰撞部位', liability: { A: '全部', B: '无' } });
      case 'HAND_OVER':
        return ctx.http.post(`/api/officer/accidents/${c.id}/handover`).set(h).send({ unit: 'yicheng', reason: '事故地点在峄城辖区' });
      default:
        throw new Error(`${action} is not asked for over HTTP here`);
    }
  }

  /** The actions a request asks for: steps within other actions, JOIN (its own codes) and the job's are tested elsewhere. */
  const ASKED: CaseAction[] = CASE_ACTIONS.filter((a) => !rule(a).within && a !== 'JOIN' && a !== 'EXPIRE' && a !== 'REPORT');
  /** Listed actions that leave the case in its state whoever takes them, so one case serves them all. */
  const KEEPS_STATE = new Set<CaseAction>(['SHOW_INVITE', 'EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'DOWNLOAD_DOCUMENT']);

  const view = async (c: Case, who: Who) =>
    who.kind === 'officer'
      ? ctx.http.get(`/api/officer/accidents/${c.id}`).set(s.auth(who.token))
      : ctx.http.get(`/api/accidents/${c.id}`).set(s.auth(who.token));

  const SEEN: AccidentStatus[] = ['WAITING_FOR_PARTY', 'NEGOTIATING', 'PENDING_REVIEW', 'CONFIRMED', 'RETURNED', 'TRANSFERRED', 'CANCELLED', 'EXPIRED'];

  it.each(SEEN)('in %s: each caller is offered what the table allows, listed actions are not refused, others are', async (state) => {
    const c = await caseIn(state);
    const callers = [c.a, ...(c.b ? [c.b] : []), c.officer];
    const offered = new Map<Who, CaseAction[]>();
    for (const who of callers) {
      const res = await view(c, who);
      expectStatus(res, 200);
      expect(res.body.status).toBe(state);
      expect(res.body.actions).toEqual(actionsFor(state, who.role));
      offered.set(who, res.body.actions);
    }
    // Refusals change nothing, so every unlisted action is tried on the one case.
    for (const who of callers) {
      for (const action of ASKED.filter((a) => !offered.get(who)!.includes(a))) {
        const res = await take(c, who, action);
        expect([who.role, action, [403, 409].includes(res.status)]).toEqual([who.role, action, true]);
        if (res.status === 409) expect(res.body.error.code).toBe('INVALID_STATE');
      }
    }
    for (const who of callers) {
      for (const action of offered.get(who)!.filter((a) => KEEPS_STATE.has(a))) {
        const res = await take(c, who, action);
        expect([who.role, action, res.status < 300 || res.status === 422]).toEqual([who.role, action, true]);
      }
    }
    // The others move the case (or may): each on a case of its own.
    for (const [i, who] of callers.entries()) {
      for (const action of offered.get(who)!.filter((a) => !KEEPS_STATE.has(a))) {
        const fresh = await caseIn(state);
        const same = [fresh.a, ...(fresh.b ? [fresh.b] : []), fresh.officer][i];
        const res = await take(fresh, same, action);
        expect([who.role, action, res.status < 300 || res.status === 422]).toEqual([who.role, action, true]);
      }
    }
    // The expiry job moves the case only from where the table lets it.
    await ctx.db.accidentCase.update({ where: { id: c.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await expireCases(ctx.deps, {});
    const after = await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.status).toBe(allowedFrom('EXPIRE', state) ? 'EXPIRED' : state);
  });

  it('records only transitions of the table: every event with a change names a row', async () => {
    const c = await caseIn('RETURNED');
    for (const who of [c.a, c.b!]) expectStatus(await take(c, who, 'ANSWER'), 200);
    expectStatus(await take(c, c.officer, 'CONFIRM'), 200);
    const events = await ctx.db.caseEvent.findMany({ where: { caseId: c.id } });
    for (const e of events) {
      const rows = CASE_ACTIONS.filter((a) => (rule(a).events as readonly string[]).includes(e.type));
      expect([e.type, rows.length > 0]).toEqual([e.type, true]);
      if (e.toStatus) {
        const fits = rows.some((a) => (e.fromStatus === null ? rule(a).from.length === 0 : allowedFrom(a, e.fromStatus)) && (rule(a).to ?? e.fromStatus) === e.toStatus);
        expect([e.type, e.fromStatus, e.toStatus, fits]).toEqual([e.type, e.fromStatus, e.toStatus, true]);
      }
    }
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['CREATED', 'PARTY_JOINED', 'SUBMITTED', 'RETURNED', 'RESUBMITTED', 'CONFIRMED']));
  });
});
