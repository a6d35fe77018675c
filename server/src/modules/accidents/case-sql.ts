// The case aggregate in one round trip: the case with its unit, parties, files, events and claims
// aggregated as JSON by MariaDB, and the one shape (`CaseRecord`) every view and action reads.
// Measured by bench/accidents.ts (the case view) against plain Prisma includes and Prisma's raw query.
import type { AccidentStatus, ActorType, ClaimStatus, EvidenceSlot, FaultSide, PartyRole } from '../../generated/prisma/enums';

export interface PartyRecord {
  id: number;
  caseId: number;
  role: PartyRole;
  driverId: number;
  plate: string | null;
  plateType: string | null;
  vehicleType: string | null;
  driverName: string | null;
  licenceNumber: string | null;
  phone: string | null;
  insurer: string | null;
  policyNumber: string | null;
  collisionPart: string | null;
  agreed: boolean | null;
  signatureFileId: number | null;
  answeredAt: Date | null;
  joinedAt: Date;
}

export interface FileRecord {
  id: number;
  slot: EvidenceSlot;
  sha256: string;
  mimeType: string;
  sizeBytes: number;
  width: number;
  height: number;
  capturedAt: Date | null;
  receivedAt: Date;
  uploadedById: number;
}

export interface EventRecord {
  id: number;
  type: string;
  actorType: ActorType;
  actorId: number | null;
  fromStatus: AccidentStatus | null;
  toStatus: AccidentStatus | null;
  at: Date;
  /** Of an event's details only the content-check mark is read (officers see it), and a handover's units and reason. */
  textCheck: string | null;
  handover: { fromUnit: string | null; toUnit: string | null; reason: string | null } | null;
}

export interface ClaimRecord {
  id: number;
  partyId: number;
  insurer: string;
  policyNumber: string | null;
  status: ClaimStatus;
  /** The insurer's note with the latest status. */
  statusNote: string | null;
  /** The claims hotline of the directory's insurer (null: a name not in the directory). */
  hotline: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CaseRecord {
  id: number;
  caseNumber: string;
  status: AccidentStatus;
  unitId: number;
  reporterId: number;
  occurredAt: Date;
  latitude: number | null;
  longitude: number | null;
  address: string;
  weather: string | null;
  vehicleCount: number;
  inviteCode: string | null;
  inviteExpiresAt: Date | null;
  scenario: string | null;
  atFault: FaultSide | null;
  disputed: boolean;
  officerLiability: unknown;
  decidedById: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  documentNumber: string | null;
  verificationCode: string | null;
  expiresAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** `dutyPhone`: the unit's duty line (unit settings), shown to the parties of a transferred case. */
  unit: { id: number; code: string; name: string; dutyPhone: string | null };
  decidedBy: { id: number; displayName: string } | null;
  parties: PartyRecord[];
  files: FileRecord[];
  events: EventRecord[];
  claims: ClaimRecord[];
}

/** Parameters: the case ids (`IN (?)`: the driver expands an array, one id is one value). */
export const CASE_SQL = `SELECT c.id, c.caseNumber, c.status, c.unitId, c.reporterId, c.occurredAt, c.latitude, c.longitude, c.address,
           c.weather, c.vehicleCount, c.inviteCode, c.inviteExpiresAt, c.scenario, c.atFault, c.disputed,
           c.officerLiability, c.decidedById, c.decidedAt, c.decisionNote, c.documentNumber, c.verificationCode,
           c.expiresAt, c.version, c.createdAt, c.updatedAt,
           u.code AS unitCode, u.name AS unitName, u.dutyPhone AS unitDutyPhone, s.displayName AS decidedByName,
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
                'textCheck', JSON_VALUE(e.details, '$.textCheck'),
                'fromUnit', JSON_VALUE(e.details, '$.fromUnitName'), 'toUnit', JSON_VALUE(e.details, '$.toUnitName'),
                'reason', IF(e.type = 'HANDED_OVER', JSON_VALUE(e.details, '$.reason'), NULL)) ORDER BY e.id)
              FROM CaseEvent e WHERE e.caseId = c.id) AS events,
           (SELECT JSON_ARRAYAGG(JSON_OBJECT(
                'id', cl.id, 'partyId', cl.partyId, 'insurer', cl.insurer, 'policyNumber', cl.policyNumber,
                'status', cl.status, 'statusNote', cl.statusNote, 'updatedAt', cl.updatedAt,
                'hotline', (SELECT i.hotline FROM Insurer i WHERE i.id = cl.insurerId), 'createdAt', cl.createdAt) ORDER BY cl.id)
              FROM InsuranceClaim cl WHERE cl.caseId = c.id) AS claims
      FROM AccidentCase c
      JOIN Unit u ON u.id = c.unitId
      LEFT JOIN Staff s ON s.id = c.decidedById
     WHERE c.id IN (?)`;

/** Locks the case row alone (joining the unit's or the officer's row into the lock would serialise a unit). */
export const LOCK_CASE_SQL = 'SELECT id FROM AccidentCase WHERE id = ? FOR UPDATE';

type Row = Record<string, unknown>;

/** DATETIME(3) inside JSON_OBJECT comes back as "YYYY-MM-DD HH:MM:SS.fff", stored in UTC. */
const jsonDate = (v: unknown): Date | null => (typeof v === 'string' ? new Date(`${v.replace(' ', 'T')}Z`) : null);
const date = (v: unknown): Date | null => (v instanceof Date ? v : jsonDate(v));
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 1 || v === '1');
const list = (v: unknown): Row[] => (typeof v === 'string' ? (JSON.parse(v) as Row[]) : Array.isArray(v) ? (v as Row[]) : []);
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v ?? null);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** One row of CASE_SQL, from the driver or from Prisma's raw query, as the case's one shape. */
export function caseFromRow(r: Row): CaseRecord {
  const id = Number(r.id);
  return {
    id,
    caseNumber: String(r.caseNumber),
    status: r.status as AccidentStatus,
    unitId: Number(r.unitId),
    reporterId: Number(r.reporterId),
    occurredAt: date(r.occurredAt)!,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    address: String(r.address),
    weather: text(r.weather),
    vehicleCount: Number(r.vehicleCount),
    inviteCode: text(r.inviteCode),
    inviteExpiresAt: date(r.inviteExpiresAt),
    scenario: text(r.scenario),
    atFault: (r.atFault ?? null) as FaultSide | null,
    disputed: bool(r.disputed) ?? false,
    officerLiability: json(r.officerLiability),
    decidedById: num(r.decidedById),
    decidedAt: date(r.decidedAt),
    decisionNote: text(r.decisionNote),
    documentNumber: text(r.documentNumber),
    verificationCode: text(r.verificationCode),
    expiresAt: date(r.expiresAt),
    version: Number(r.version),
    createdAt: date(r.createdAt)!,
    updatedAt: date(r.updatedAt)!,
    unit: { id: Number(r.unitId), code: String(r.unitCode), name: String(r.unitName), dutyPhone: text(r.unitDutyPhone) },
    decidedBy: r.decidedByName ? { id: Number(r.decidedById), displayName: String(r.decidedByName) } : null,
    parties: list(r.parties).map((p) => ({
      ...(p as unknown as PartyRecord),
      agreed: bool(p.agreed),
      answeredAt: jsonDate(p.answeredAt),
      joinedAt: jsonDate(p.joinedAt)!,
    })),
    files: list(r.files).map((f) => ({
      ...(f as unknown as FileRecord),
      capturedAt: jsonDate(f.capturedAt),
      receivedAt: jsonDate(f.receivedAt)!,
    })),
    events: list(r.events).map((e) => ({
      ...(e as unknown as EventRecord),
      textCheck: text(e.textCheck),
      handover: e.type === 'HANDED_OVER' ? { fromUnit: text(e.fromUnit), toUnit: text(e.toUnit), reason: text(e.reason) } : null,
      at: jsonDate(e.at)!,
    })),
    claims: list(r.claims).map((cl) => ({
      ...(cl as unknown as ClaimRecord),
      statusNote: text(cl.statusNote),
      hotline: text(cl.hotline),
      createdAt: jsonDate(cl.createdAt)!,
      updatedAt: jsonDate(cl.updatedAt)!,
    })),
  };
}
