// The read path of a case view in one round trip: the case with its unit, parties, files, events and
// claims aggregated as JSON by MariaDB, on the driver (measured by bench/accidents.ts against plain
// Prisma includes and against Prisma's raw query).
import type { Db } from '../../db';
import type { FullCase } from './case-store';

interface Row {
  [column: string]: unknown;
}

/** DATETIME(3) inside JSON_OBJECT comes back as "YYYY-MM-DD HH:MM:SS.fff", stored in UTC. */
const jsonDate = (v: unknown): Date | null => (typeof v === 'string' ? new Date(`${v.replace(' ', 'T')}Z`) : null);
const date = (v: unknown): Date | null => (v instanceof Date ? v : jsonDate(v));
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 1 || v === '1');
const list = (v: unknown): Row[] => (typeof v === 'string' ? (JSON.parse(v) as Row[]) : Array.isArray(v) ? (v as Row[]) : []);
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v ?? null);
const decimal = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function readCase(db: Db, id: number): Promise<FullCase | null> {
  // On the driver directly (db.sql): Prisma's raw query costs the app several times the CPU.
  const rows: Row[] = await db.sql.query(
    `SELECT c.id, c.caseNumber, c.status, c.unitId, c.reporterId, c.occurredAt, c.latitude, c.longitude, c.address,
           c.weather, c.vehicleCount, c.inviteCode, c.inviteExpiresAt, c.scenario, c.atFault, c.disputed,
           c.officerLiability, c.decidedById, c.decidedAt, c.decisionNote, c.documentNumber, c.verificationCode,
           c.expiresAt, c.version, c.createdAt, c.updatedAt,
           u.code AS unitCode, u.name AS unitName, s.displayName AS decidedByName,
           (SELECT JSON_ARRAYAGG(JSON_OBJECT(
                'id', p.id, 'caseId', p.caseId, 'role', p.role, 'driverId', p.driverId, 'plate', p.plate,
                'plateType', p.plateType, 'vehicleType', p.vehicleType, 'driverName', p.driverName,
                'licenceNumber', p.licenceNumber, 'phone', p.phone, 'insurer', p.insurer,
                'policyNumber', p.policyNumber, 'collisionPart', p.collisionPart, 'agreed', p.agreed,
                'signatureFileId', p.signatureFileId, 'answeredAt', p.answeredAt, 'joinedAt', p.joinedAt) ORDER BY p.role)
              FROM AccidentParty p WHERE p.caseId = c.id) AS parties,
           (SELECT JSON_ARRAYAGG(JSON_OBJECT(
                'id', f.id, 'slot', f.slot, 'sha256', f.sha256, 'mimeType', f.mimeType, 'sizeBytes', f.sizeBytes,
                'width', f.width, 'height', f.height, 'capturedAt', f.capturedAt, 'receivedAt', f.receivedAt,
                'uploadedById', f.uploadedById) ORDER BY f.id)
              FROM EvidenceFile f WHERE f.caseId = c.id) AS files,
           (SELECT JSON_ARRAYAGG(JSON_OBJECT(
                'id', e.id, 'type', e.type, 'actorType', e.actorType, 'actorId', e.actorId,
                'fromStatus', e.fromStatus, 'toStatus', e.toStatus, 'at', e.at,
                'textCheck', JSON_VALUE(e.details, '$.textCheck')) ORDER BY e.id)
              FROM CaseEvent e WHERE e.caseId = c.id) AS events,
           (SELECT JSON_ARRAYAGG(JSON_OBJECT(
                'id', cl.id, 'partyId', cl.partyId, 'insurer', cl.insurer, 'policyNumber', cl.policyNumber,
                'status', cl.status, 'createdAt', cl.createdAt) ORDER BY cl.id)
              FROM InsuranceClaim cl WHERE cl.caseId = c.id) AS claims
      FROM AccidentCase c
      JOIN Unit u ON u.id = c.unitId
      LEFT JOIN Staff s ON s.id = c.decidedById
     WHERE c.id = ?`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const record = {
    id: Number(r.id),
    caseNumber: r.caseNumber,
    status: r.status,
    unitId: Number(r.unitId),
    reporterId: Number(r.reporterId),
    occurredAt: date(r.occurredAt),
    latitude: decimal(r.latitude),
    longitude: decimal(r.longitude),
    address: r.address,
    weather: r.weather ?? null,
    vehicleCount: Number(r.vehicleCount),
    inviteCode: r.inviteCode ?? null,
    inviteExpiresAt: date(r.inviteExpiresAt),
    scenario: r.scenario ?? null,
    atFault: r.atFault ?? null,
    disputed: bool(r.disputed) ?? false,
    officerLiability: json(r.officerLiability),
    decidedById: r.decidedById === null ? null : Number(r.decidedById),
    decidedAt: date(r.decidedAt),
    decisionNote: r.decisionNote ?? null,
    documentNumber: r.documentNumber ?? null,
    verificationCode: r.verificationCode ?? null,
    expiresAt: date(r.expiresAt),
    version: Number(r.version),
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
    unit: { id: Number(r.unitId), code: r.unitCode, name: r.unitName },
    decidedBy: r.decidedByName ? { id: Number(r.decidedById), displayName: r.decidedByName } : null,
    parties: list(r.parties).map((p) => ({ ...p, agreed: bool(p.agreed), answeredAt: jsonDate(p.answeredAt), joinedAt: jsonDate(p.joinedAt) })),
    files: list(r.files).map((f) => ({ ...f, capturedAt: jsonDate(f.capturedAt), receivedAt: jsonDate(f.receivedAt) })),
    // Of an event's details only the content-check mark is read (the officer sees it).
    events: list(r.events).map(({ textCheck, ...e }) => ({
      ...e,
      caseId: Number(r.id),
      details: textCheck ? { textCheck } : null,
      at: jsonDate(e.at),
    })),
    claims: list(r.claims).map((cl) => ({ ...cl, caseId: Number(r.id), createdAt: jsonDate(cl.createdAt) })),
  };
  return record as unknown as FullCase;
}
