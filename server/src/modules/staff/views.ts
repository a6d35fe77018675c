// What the admin console is shown of a staff account (the contract's staffAccount) and of a unit
// (unitSettings): the selects and the mappings.
import { parseDailyWindow } from '@jiaoguan/contracts/time';
import type { StaffRole as ContractRole } from '@jiaoguan/contracts/labels';
import type { StaffRole } from '../../generated/prisma/enums';

export const staffSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  mustChangePassword: true,
  passwordChangedAt: true,
  createdAt: true,
  unit: { select: { code: true, name: true } },
  insurer: { select: { code: true, name: true } },
} as const;

export const toStaffView = <T extends { role: string }>(s: T): Omit<T, 'role'> & { role: ContractRole } => ({ ...s, role: s.role.toLowerCase() as ContractRole });

/** The database's name of a contract role. */
export const dbRole = (role: string) => role.toUpperCase() as StaffRole;

export const unitSelect = {
  id: true,
  code: true,
  name: true,
  serviceHours: true,
  expresswayQuick: true,
  areaLatitude: true,
  areaLongitude: true,
  areaDescription: true,
  dutyPhone: true,
  reviewLimitMinutes: true,
} as const;

interface UnitRow {
  code: string;
  name: string;
  serviceHours: string | null;
  expresswayQuick: boolean;
  areaLatitude: unknown;
  areaLongitude: unknown;
  areaDescription: string | null;
  dutyPhone: string | null;
  reviewLimitMinutes: number | null;
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A unit without its own review limit has the configured default (ACCIDENT_REVIEW_MINUTES, 30). */
export function toUnitSettings(u: UnitRow, defaultReviewMinutes = 30) {
  const window = u.serviceHours ? parseDailyWindow(u.serviceHours) : null;
  return {
    code: u.code,
    name: u.name,
    serviceHours: window ? { start: clock(window.startMin), end: clock(window.endMin) } : null,
    expresswayQuick: u.expresswayQuick,
    area:
      u.areaLatitude !== null && u.areaLongitude !== null
        ? { latitude: Number(u.areaLatitude), longitude: Number(u.areaLongitude) }
        : null,
    areaDescription: u.areaDescription,
    dutyPhone: u.dutyPhone,
    reviewLimitMinutes: u.reviewLimitMinutes ?? defaultReviewMinutes,
  };
}
