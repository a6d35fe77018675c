// Audit rows for staff reads of personal data (PIPL): who saw or exported whose data, which fields,
// from where. Details carry masked values only, never a whole ID number or phone number.
import type { PersonalDataAction } from '@jiaoguan/contracts/labels';
import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { audit } from '../../lib/audit';
import { maskIdNumber, maskName, maskPhone } from '../../lib/mask';

export interface PersonalDataRead {
  staffId: number;
  /** `viewed` for a screen, `exported` for a file that leaves the system (CSV, PDF). */
  kind: 'viewed' | 'exported';
  entityType: string;
  entityId?: string | number;
  /** The fields shown (keys of the contract's PERSONAL_FIELD_LABELS). */
  shown: readonly string[];
  /** Whose data and anything else worth knowing, masked. */
  details?: Prisma.InputJsonObject;
  ip?: string;
}

/** Writes the row; a read whose row cannot be written fails, so no read goes unrecorded. */
export async function recordPersonalDataRead(db: Db, read: PersonalDataRead): Promise<void> {
  const action: PersonalDataAction = `personal_data.${read.kind}`;
  await audit(db, {
    actor: { type: 'STAFF', id: read.staffId },
    action,
    entityType: read.entityType,
    entityId: read.entityId,
    details: { shown: [...read.shown], ...read.details },
    ip: read.ip,
  });
}

/** A case party as an audit row names them: role, driver id and masked numbers. */
export function maskedParty(p: { role: string; driverId: number; driverName: string | null; licenceNumber: string | null; phone: string | null }) {
  return { role: p.role, driverId: p.driverId, name: maskName(p.driverName), licenceNumber: maskIdNumber(p.licenceNumber), phone: maskPhone(p.phone) };
}

/** A search term as an audit row keeps it: an ID number (or its start) masked, a name masked. */
export function maskedSearch(term: string | undefined): string | null {
  if (!term) return null;
  return /^\d/.test(term) ? maskIdNumber(term) : maskName(term);
}
