// What each audience sees of a case: a party sees the other party only as far as the agreement needs.
import { ACCIDENT_STATUS_LABELS, CLAIM_STATUS_LABELS, documentTitle, REQUIRED_SLOTS } from '@jiaoguan/contracts/labels';
import { maskIdNumber, maskPhone } from '../../lib/mask';
import { actionsFor, allowedFrom, roleOfParty, type CaseRole } from './case-machine';
import type { CaseRecord, EventRecord, PartyRecord } from './case-sql';
import { findScenario, liabilityFromFault, type Liability } from './liability';

export type Perspective = { kind: 'party'; driverId: number } | { kind: 'officer' };

export { REQUIRED_SLOTS };

export function partyComplete(p: PartyRecord): boolean {
  return !!(p.plate && p.driverName && p.licenceNumber && p.phone && p.insurer);
}

/** The liability that applies: the officer's where they decided it, otherwise the agreed fault side. */
export function effectiveLiability(c: Pick<CaseRecord, 'officerLiability' | 'atFault' | 'vehicleCount'>): Liability | null {
  if (c.officerLiability && typeof c.officerLiability === 'object') return c.officerLiability as unknown as Liability;
  return c.atFault ? liabilityFromFault(c.atFault, c.vehicleCount) : null;
}

function actorName(c: CaseRecord, e: EventRecord): string {
  if (e.actorType === 'SYSTEM') return 'system';
  if (e.actorType === 'STAFF') return 'officer';
  return c.parties.find((p) => p.driverId === e.actorId)?.role ?? 'driver';
}

/** The content-check mark of an event whose text WeChat wanted a person to look at (or could not check). */
const textCheckOf = (e: EventRecord): { textCheck?: string } => (e.textCheck ? { textCheck: e.textCheck } : {});

/** A handover in the timeline: the parties read where the case went, officers also from where and why. */
function handoverNote(h: NonNullable<EventRecord['handover']>, officer: boolean): string {
  const to = `移交${h.toUnit ?? '其他'}大队审核`;
  return officer ? `由${h.fromUnit ?? ''}大队${to}${h.reason ? `：${h.reason}` : ''}` : to;
}

function partyView(p: PartyRecord, whole: boolean) {
  return {
    role: p.role,
    plate: p.plate,
    plateType: p.plateType,
    vehicleType: p.vehicleType,
    driverName: p.driverName,
    licenceNumber: whole ? p.licenceNumber : maskIdNumber(p.licenceNumber),
    phone: whole ? p.phone : maskPhone(p.phone),
    insurer: p.insurer,
    policyNumber: p.policyNumber,
    collisionPart: p.collisionPart,
    complete: partyComplete(p),
    agreed: p.agreed,
    signed: p.signatureFileId !== null,
    signatureFileId: p.signatureFileId,
    answeredAt: p.answeredAt,
    joinedAt: p.joinedAt,
  };
}

export function caseView(c: CaseRecord, who: Perspective) {
  const me = who.kind === 'party' ? c.parties.find((p) => p.driverId === who.driverId) : undefined;
  const role: CaseRole | null = who.kind === 'officer' ? 'officer' : me ? roleOfParty(me.role) : null;
  const roleOf = (driverId: number) => c.parties.find((p) => p.driverId === driverId)?.role ?? null;
  const scenario = findScenario(c.scenario);
  const actions = role ? actionsFor(c.status, role) : [];
  const documented = allowedFrom('DOWNLOAD_DOCUMENT', c.status);
  const present = new Set(c.files.map((f) => f.slot));
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    statusText: ACCIDENT_STATUS_LABELS[c.status],
    /** What the caller may ask for now (the case machine), so pages need no status lists of their own. */
    actions,
    // A case sent to on-site handling tells the parties whom to call.
    unit: { code: c.unit.code, name: c.unit.name, ...(c.status === 'TRANSFERRED' ? { dutyPhone: c.unit.dutyPhone } : {}) },
    occurredAt: c.occurredAt,
    location: {
      latitude: c.latitude === null ? null : Number(c.latitude),
      longitude: c.longitude === null ? null : Number(c.longitude),
      address: c.address,
    },
    weather: c.weather,
    vehicleCount: c.vehicleCount,
    myRole: me?.role ?? null,
    ...(actions.includes('SHOW_INVITE')
      ? { inviteCode: c.inviteCode, inviteExpiresAt: c.inviteExpiresAt }
      : {}),
    scenario: c.scenario,
    scenarioName: scenario?.name ?? null,
    atFault: c.atFault,
    liability: effectiveLiability(c),
    disputed: c.disputed,
    missingSlots: REQUIRED_SLOTS.filter((s) => !present.has(s)),
    decision: c.decidedAt
      ? {
          note: c.decisionNote,
          at: c.decidedAt,
          officer: who.kind === 'officer' ? c.decidedBy?.displayName ?? null : null,
          liability: c.officerLiability ?? null,
        }
      : null,
    document: documented
      ? {
          number: c.documentNumber,
          verificationCode: c.verificationCode,
          kind: c.officerLiability ? 'DETERMINATION' : 'AGREEMENT',
          title: documentTitle(!!c.officerLiability),
        }
      : null,
    expiresAt: c.expiresAt,
    parties: c.parties.map((p) => partyView(p, who.kind === 'officer' || p.driverId === me?.driverId)),
    photos: c.files.map((f) => ({
      id: f.id,
      slot: f.slot,
      sha256: f.sha256,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      width: f.width,
      height: f.height,
      capturedAt: f.capturedAt,
      receivedAt: f.receivedAt,
      uploadedBy: roleOf(f.uploadedById),
      url: `/api/accidents/${c.id}/photos/${f.id}`,
    })),
    claims: c.claims
      .filter((cl) => who.kind === 'officer' || cl.partyId === me?.id)
      .map((cl) => ({
        id: cl.id,
        role: c.parties.find((p) => p.id === cl.partyId)?.role ?? null,
        insurer: cl.insurer,
        policyNumber: cl.policyNumber,
        status: cl.status,
        statusLabel: CLAIM_STATUS_LABELS[cl.status],
        note: cl.statusNote,
        hotline: cl.hotline,
        createdAt: cl.createdAt,
        updatedAt: cl.updatedAt,
      })),
    events: c.events.map((e) => ({
      type: e.type,
      actor: actorName(c, e),
      at: e.at,
      from: e.fromStatus,
      to: e.toStatus,
      ...(e.handover ? { note: handoverNote(e.handover, who.kind === 'officer') } : {}),
      ...(who.kind === 'officer' ? textCheckOf(e) : {}),
    })),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
