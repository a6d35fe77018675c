// How a driver's records are shown: numbers masked, status letters in words, warnings.
import type { Prisma } from '../../generated/prisma/client';
import { maskIdNumber } from '../../lib/mask';
import { PLATE_TYPE_NAMES, VEHICLE_STATUS, splitStatus } from './codes';
import { daysUntil } from './rules';

/** Within this many days a deadline (inspection, medical check) is worth a warning. */
export const SOON_DAYS = 30;

/** Keeps the manufacturer code and the last 4 characters: LSV**********1234. */
export function maskVin(vin: string): string {
  return vin.length === 17 ? `${vin.slice(0, 3)}${'*'.repeat(10)}${vin.slice(-4)}` : '*'.repeat(vin.length);
}

export const statusWords = (code: string, table: Readonly<Record<string, string>>) =>
  (splitStatus(code, table) ?? []).map((letter) => table[letter]);

type VehicleRecord = Prisma.VehicleGetPayload<{}>;

export function vehicleView(v: VehicleRecord, boundAt: Date, now: Date) {
  const letters = splitStatus(v.status, VEHICLE_STATUS) ?? [];
  const warnings: string[] = [];
  const inspectionDaysLeft = v.inspectionDueAt ? daysUntil(v.inspectionDueAt, now) : null;
  if (letters.some((l) => l === 'P' || l === 'E' || l === 'M')) {
    warnings.push('车辆已注销或达到报废标准，牌证作废，不得上路行驶');
  }
  if (letters.includes('Q') || (inspectionDaysLeft !== null && inspectionDaysLeft < 0)) {
    warnings.push('车辆已逾期未检验，请尽快到检测站检验；连续三个周期未检验将被强制报废');
  } else if (inspectionDaysLeft !== null && inspectionDaysLeft <= SOON_DAYS) {
    warnings.push(`距离检验有效期截止还有${inspectionDaysLeft}天，请及时检验`);
  }
  if (v.insuranceExpiresAt && v.insuranceExpiresAt.getTime() < now.getTime()) {
    warnings.push('交强险已过期，请立即续保，未投保不得上路');
  }
  if (letters.includes('G')) warnings.push('车辆有交通违法未处理');
  return {
    id: v.id,
    plate: v.plate,
    plateType: v.plateType,
    plateTypeText: PLATE_TYPE_NAMES[v.plateType] ?? v.plateType,
    vin: maskVin(v.vin),
    ownerIdNumber: maskIdNumber(v.ownerIdNumber),
    brand: v.brand,
    model: v.model,
    registeredAt: v.registeredAt,
    inspectionDueAt: v.inspectionDueAt,
    inspectionDaysLeft,
    insuranceExpiresAt: v.insuranceExpiresAt,
    status: v.status,
    statusText: statusWords(v.status, VEHICLE_STATUS).join('、') || '未知',
    warnings,
    boundAt,
  };
}

