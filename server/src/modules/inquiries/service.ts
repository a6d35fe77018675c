// A driver's own licence, vehicles and violations, and binding a vehicle by plate and VIN ending.
import { VIOLATION_STATUS_LABELS } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../deps';
import { Prisma } from '../../generated/prisma/client';
import type { Caller } from '../../http/auth';
import { AppError, notFound, ruleSaysNo } from '../../http/errors';
import { audit } from '../../lib/audit';
import { maskIdNumber } from '../../lib/mask';
import { recentFailures, recordFailure } from '../auth/throttle';
import {
  LICENCE_CLASSES,
  LICENCE_STATUS,
  LICENCE_STATUS_ADVICE,
  PLATE_TYPE_NAMES,
  VEHICLE_STATUS,
  splitLicenceClasses,
  splitStatus,
} from './codes';
import { normalisePlate } from '@jiaoguan/contracts/plate';
import { FULL_POINTS, currentPoints, daysUntil, lateFeeFen, paymentDueAt, pointsCycle } from './rules';
import type { ViolationRow } from './import-rows';

type Driver = Extract<Caller, { kind: 'driver' }>;

/** Renewal may be applied for within 90 days before the licence expires. */
const RENEWAL_WINDOW_DAYS = 90;
const SOON_DAYS = 30;

/** Keeps the manufacturer code and the last 4 characters: LSV**********1234. */
export function maskVin(vin: string): string {
  return vin.length === 17 ? `${vin.slice(0, 3)}${'*'.repeat(10)}${vin.slice(-4)}` : '*'.repeat(vin.length);
}

const statusWords = (code: string, table: Readonly<Record<string, string>>) =>
  (splitStatus(code, table) ?? []).map((letter) => table[letter]);

const identityRequired = () =>
  ruleSaysNo('IDENTITY_REQUIRED', 'IDENTITY_NOT_BOUND', '请先在“我的”中完成身份认证，再查询本人信息');

export async function ownLicence(deps: AppDeps, caller: Driver, now = new Date()) {
  if (!caller.idNumber) throw notFound('请先完成身份认证，再查询驾驶证');
  const licence = await deps.db.licence.findUnique({ where: { idNumber: caller.idNumber } });
  if (!licence) throw notFound('没有找到您名下的驾驶证');
  const points = currentPoints({ ...licence, pointsRecordedAt: licence.updatedAt }, now);
  const cycle = pointsCycle(licence.firstIssuedAt, now);
  const validDaysLeft = daysUntil(licence.validUntil, now);
  const letters = splitStatus(licence.status, LICENCE_STATUS) ?? [];
  const advice = letters.map((l) => LICENCE_STATUS_ADVICE[l]).filter((a): a is string => !!a);
  if (validDaysLeft < 0) advice.push('驾驶证已超过有效期，请尽快到车管所换证，期间不得驾驶');
  else if (validDaysLeft <= RENEWAL_WINDOW_DAYS) advice.push(`驾驶证将在${validDaysLeft}天后到期，现在可以申请换证`);
  if (points >= FULL_POINTS && !letters.includes('B')) advice.push('本周期记分已满12分，请到车管所参加满分学习和考试');
  else if (points >= 9 && points < FULL_POINTS) advice.push(`本周期已记${points}分，再记${FULL_POINTS - points}分将满分，请谨慎驾驶`);
  if (licence.nextMedicalCheckAt) {
    const medicalDays = daysUntil(licence.nextMedicalCheckAt, now);
    if (medicalDays < 0) advice.push('已超过体检期限，请尽快到医院体检并提交体检证明');
    else if (medicalDays <= SOON_DAYS) advice.push(`请在${medicalDays}天内提交体检证明`);
  }
  return {
    idNumber: maskIdNumber(licence.idNumber),
    name: licence.name,
    licenceClass: licence.licenceClass,
    licenceClassText: (splitLicenceClasses(licence.licenceClass) ?? []).map((c) => LICENCE_CLASSES[c]).join('、'),
    firstIssuedAt: licence.firstIssuedAt,
    validUntil: licence.validUntil,
    validDaysLeft,
    status: licence.status,
    statusText: statusWords(licence.status, LICENCE_STATUS).join('、') || '未知',
    points,
    fullPoints: FULL_POINTS,
    pointsCycle: cycle,
    nextMedicalCheckAt: licence.nextMedicalCheckAt,
    advice: advice.length ? advice : ['驾驶证状态正常，请继续安全驾驶'],
  };
}

type VehicleRecord = Prisma.VehicleGetPayload<{}>;

function vehicleView(v: VehicleRecord, boundAt: Date, now: Date) {
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

/** Vehicles the driver bound and still owns (a vehicle sold since is no longer shown). */
export async function ownVehicles(deps: AppDeps, caller: Driver, now = new Date()) {
  if (!caller.idNumber) return { items: [], total: 0 };
  const links = await deps.db.driverVehicle.findMany({
    where: { driverId: caller.id, vehicle: { ownerIdNumber: caller.idNumber } },
    include: { vehicle: true },
    orderBy: { boundAt: 'desc' },
  });
  const items = links.map((l) => vehicleView(l.vehicle, l.boundAt, now));
  return { items, total: items.length };
}

export interface BindLimits {
  maxFailures: number;
  windowMs: number;
}

export async function bindVehicle(
  deps: AppDeps,
  caller: Driver,
  input: { plate: string; vinSuffix: string },
  limits: BindLimits,
  ip?: string,
) {
  if (!caller.idNumber) throw identityRequired();
  const plate = normalisePlate(input.plate);
  const suffix = input.vinSuffix.trim().toUpperCase();
  const driverKey = `driver:${caller.id}`;
  const plateKey = `plate:${plate}`;
  const [byDriver, byPlate] = await Promise.all([
    recentFailures(deps.db, 'VEHICLE_BIND', driverKey, limits.windowMs),
    recentFailures(deps.db, 'VEHICLE_BIND', plateKey, limits.windowMs),
  ]);
  if (byDriver >= limits.maxFailures || byPlate >= limits.maxFailures * 2) {
    throw new AppError(429, 'RATE_LIMITED', '尝试次数过多，请稍后再试');
  }
  const candidates = await deps.db.vehicle.findMany({ where: { plate } });
  const match = candidates.find((v) => v.vin.endsWith(suffix) && v.ownerIdNumber === caller.idNumber);
  if (!match) {
    await recordFailure(deps.db, 'VEHICLE_BIND', driverKey);
    await recordFailure(deps.db, 'VEHICLE_BIND', plateKey);
    throw notFound('号牌号码或车架号后几位不正确，或该车不在您名下');
  }
  const { link, created } = await deps.db.$transaction(async (tx) => {
    const existing = await tx.driverVehicle.findUnique({
      where: { driverId_vehicleId: { driverId: caller.id, vehicleId: match.id } },
    });
    if (existing) return { link: existing, created: false };
    const bound = await tx.driverVehicle.create({ data: { driverId: caller.id, vehicleId: match.id } });
    await audit(tx, {
      actor: { type: 'DRIVER', id: caller.id },
      action: 'vehicle.bound',
      entityType: 'Vehicle',
      entityId: match.id,
      details: { plate: match.plate },
      ip,
    });
    return { link: bound, created: true };
  });
  return { created, vehicle: vehicleView(match, link.boundAt, new Date()) };
}

export async function unbindVehicle(deps: AppDeps, caller: Driver, vehicleId: number, ip?: string) {
  const removed = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.driverVehicle.deleteMany({ where: { driverId: caller.id, vehicleId } });
    if (count) {
      await audit(tx, { actor: { type: 'DRIVER', id: caller.id }, action: 'vehicle.unbound', entityType: 'Vehicle', entityId: vehicleId, ip });
    }
    return count;
  });
  if (!removed) throw notFound();
  return { id: vehicleId, bound: false };
}

type ViolationRecord = Omit<ViolationRow, 'licenceNumber'> & { id: number };

/**
 * Violations of the driver's own vehicles (bound and still owned) and of their licence, newest
 * first, with totals of what is outstanding. One round trip: the plates come from a join.
 */
export async function ownViolations(
  deps: AppDeps,
  caller: Driver,
  query: { page: number; pageSize: number; status?: 'UNPROCESSED' | 'PROCESSED' | 'PAID' },
  now = new Date(),
) {
  const empty = { items: [], total: 0, totals: { outstandingCount: 0, fineFen: 0, lateFeeFen: 0, amountDueFen: 0, points: 0 } };
  if (!caller.idNumber) return empty;
  const columns = Prisma.sql`x.id, x.plate, x.occurredAt, x.place, x.code, x.description, x.fineFen, x.points, x.status, x.decidedAt`;
  const rows = await deps.db.$queryRaw<ViolationRecord[]>`
    SELECT ${columns} FROM Violation x
      JOIN Vehicle v ON v.plate = x.plate AND v.ownerIdNumber = ${caller.idNumber}
      JOIN DriverVehicle dv ON dv.vehicleId = v.id AND dv.driverId = ${caller.id}
    UNION
    SELECT ${columns} FROM Violation x WHERE x.licenceNumber = ${caller.idNumber}
    ORDER BY occurredAt DESC, id DESC`;
  let outstandingCount = 0;
  let fineFen = 0;
  let lateFee = 0;
  let points = 0;
  const views = rows.map((r) => {
    const fee = lateFeeFen(r, now);
    if (r.status !== 'PAID') {
      outstandingCount += 1;
      fineFen += r.fineFen;
      lateFee += fee;
      points += r.points;
    }
    return {
      id: r.id,
      plate: r.plate,
      occurredAt: r.occurredAt,
      place: r.place,
      code: r.code,
      description: r.description,
      fineFen: r.fineFen,
      points: r.points,
      status: r.status,
      statusText: VIOLATION_STATUS_LABELS[r.status],
      decidedAt: r.decidedAt,
      paymentDueAt: paymentDueAt(r.decidedAt),
      lateFeeFen: fee,
      amountDueFen: r.status === 'PAID' ? 0 : r.fineFen + fee,
    };
  });
  const filtered = query.status ? views.filter((v) => v.status === query.status) : views;
  const start = (query.page - 1) * query.pageSize;
  return {
    items: filtered.slice(start, start + query.pageSize),
    total: filtered.length,
    totals: { outstandingCount, fineFen, lateFeeFen: lateFee, amountDueFen: fineFen + lateFee, points },
  };
}
