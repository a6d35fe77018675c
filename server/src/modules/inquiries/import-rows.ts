// Validation of one import row per record kind: each raw row becomes a clean record or a reason in Chinese.
import { idNumberProblem, ID_NUMBER_MESSAGES, normaliseIdNumber } from '@jiaoguan/contracts/id-number';
import { LICENCE_STATUS, POINT_VALUES, VEHICLE_STATUS, splitLicenceClasses, splitStatus } from './codes';
import { defaultPlateType, normalisePlate, plateKind, plateTypeProblem } from '@jiaoguan/contracts/plate';
import { shanghaiMidnightOf } from '@jiaoguan/contracts/time';
import { isValidVin } from '@jiaoguan/contracts/vin';
import { importFieldLabel } from '@jiaoguan/contracts/labels';

import type { ImportKind } from '@jiaoguan/contracts/schemas/inquiries';

export type { ImportKind };

export const IMPORT_FIELDS: Readonly<Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>> = {
  licences: {
    required: ['idNumber', 'name', 'licenceClass', 'firstIssuedAt', 'validUntil', 'status', 'points'],
    optional: ['nextMedicalCheckAt', 'phone', 'fileNumber'],
  },
  vehicles: {
    required: ['plate', 'plateType', 'vin', 'ownerIdNumber', 'brand', 'model', 'registeredAt', 'inspectionDueAt', 'status'],
    optional: ['insuranceExpiresAt'],
  },
  violations: {
    required: ['plate', 'occurredAt', 'place', 'code', 'description', 'fineFen', 'points', 'status'],
    optional: ['plateType', 'decidedAt', 'licenceNumber'],
  },
};

export interface LicenceRow {
  idNumber: string;
  name: string;
  licenceClass: string;
  firstIssuedAt: Date;
  validUntil: Date;
  status: string;
  points: number;
  nextMedicalCheckAt: Date | null;
  /** The holder's mobile number and the 档案编号: what proves an identity binding. */
  phone: string | null;
  fileNumber: string | null;
}

export interface VehicleRow {
  plate: string;
  plateType: string;
  vin: string;
  ownerIdNumber: string;
  brand: string;
  model: string;
  registeredAt: Date;
  inspectionDueAt: Date | null;
  insuranceExpiresAt: Date | null;
  status: string;
}

export interface ViolationRow {
  plate: string;
  /** 号牌种类: with the plate it names the vehicle the violation belongs to. */
  plateType: string;
  occurredAt: Date;
  place: string;
  code: string;
  description: string;
  fineFen: number;
  points: number;
  status: 'UNPROCESSED' | 'PROCESSED' | 'PAID';
  decidedAt: Date | null;
  licenceNumber: string | null;
}

export type RowOf<K extends ImportKind> = K extends 'licences' ? LicenceRow : K extends 'vehicles' ? VehicleRow : ViolationRow;

/** Thrown by a field reader; the message is the row's rejection reason. */
class RowProblem extends Error {}

type Raw = Record<string, unknown>;

function text(raw: Raw, field: string, max: number, optional = false): string | null {
  const v = raw[field];
  const s = v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null;
  if (s === null) throw new RowProblem(`${importFieldLabel(field)} 应为文本`);
  if (s === '') {
    if (optional) return null;
    throw new RowProblem(`缺少${importFieldLabel(field)}`);
  }
  if (s.length > max) throw new RowProblem(`${importFieldLabel(field)} 太长（最多${max}个字符）`);
  return s;
}

const req = (raw: Raw, field: string, max: number) => text(raw, field, max) as string;

function int(raw: Raw, field: string, min: number, max: number): number {
  const v = raw[field];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (v === undefined || v === null || v === '') throw new RowProblem(`缺少${importFieldLabel(field)}`);
  if (!Number.isInteger(n)) throw new RowProblem(`${importFieldLabel(field)} 应为整数`);
  if (n < min || n > max) throw new RowProblem(`${importFieldLabel(field)} 超出范围（${min}～${max}）`);
  return n;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Dates without a zone are Asia/Shanghai: 2026-01-05, 2026-01-05 08:30[:00], or ISO 8601 with an offset. */
export function parseImportDate(value: string): Date | null {
  let m = DATE_ONLY.exec(value);
  if (m) return checkedDate(+m[1], +m[2], +m[3], 0, 0, 0, 0);
  m = LOCAL_TIME.exec(value);
  if (m) return checkedDate(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), +(m[7] ?? '0').padEnd(3, '0'));
  if (WITH_ZONE.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function checkedDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): Date | null {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2200 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(shanghaiMidnightOf(y, mo, d).getTime() + ((h * 60 + mi) * 60 + s) * 1000 + ms);
}

function date(raw: Raw, field: string, optional = false): Date | null {
  const s = text(raw, field, 40, optional);
  if (s === null) return null;
  const d = parseImportDate(s);
  if (!d) throw new RowProblem(`${importFieldLabel(field)} 日期格式不正确（例如 2026-01-05 或 2026-01-05 08:30:00）`);
  return d;
}

const reqDate = (raw: Raw, field: string) => date(raw, field) as Date;

/** An optional field that must match a pattern when given. */
function matching(raw: Raw, field: string, pattern: RegExp, problem: string): string | null {
  const s = text(raw, field, 32, true);
  if (s === null) return null;
  if (!pattern.test(s)) throw new RowProblem(problem);
  return s;
}

function idNumber(raw: Raw, field: string, optional = false): string | null {
  const s = text(raw, field, 32, optional);
  if (s === null) return null;
  const id = normaliseIdNumber(s);
  const problem = idNumberProblem(id);
  if (problem) throw new RowProblem(`${importFieldLabel(field)}：${ID_NUMBER_MESSAGES[problem]}`);
  return id;
}

function statusCode(raw: Raw, table: Readonly<Record<string, string>>): string {
  const s = req(raw, 'status', 8).toUpperCase();
  if (!splitStatus(s, table)) throw new RowProblem(`状态代码 ${s} 不认识（status）`);
  return s;
}

function licence(raw: Raw): LicenceRow {
  const licenceClass = req(raw, 'licenceClass', 16).toUpperCase();
  if (!splitLicenceClasses(licenceClass)) throw new RowProblem(`准驾车型 ${licenceClass} 不认识（licenceClass）`);
  const firstIssuedAt = reqDate(raw, 'firstIssuedAt');
  const validUntil = reqDate(raw, 'validUntil');
  if (validUntil.getTime() <= firstIssuedAt.getTime()) throw new RowProblem('validUntil 有效期止应晚于初次领证日期');
  return {
    idNumber: idNumber(raw, 'idNumber') as string,
    name: req(raw, 'name', 64),
    licenceClass,
    firstIssuedAt,
    validUntil,
    status: statusCode(raw, LICENCE_STATUS),
    points: int(raw, 'points', 0, 99),
    nextMedicalCheckAt: date(raw, 'nextMedicalCheckAt', true),
    phone: matching(raw, 'phone', /^1[3-9]\d{9}$/, 'phone 手机号码应为11位'),
    fileNumber: matching(raw, 'fileNumber', /^\d{12}$/, 'fileNumber 档案编号应为12位数字'),
  };
}

/** The row's plate type, codes like 2 read as 02; checked against the plate. */
function checkedPlateType(plate: string, given: string): string {
  const plateType = given.padStart(2, '0');
  const problem = plateTypeProblem(plate, plateType);
  if (problem) throw new RowProblem(problem === '号牌种类代码不正确' ? `plateType 号牌种类代码 ${given} 不认识` : problem);
  return plateType;
}

function vehicle(raw: Raw): VehicleRow {
  const plate = normalisePlate(req(raw, 'plate', 16));
  const plateType = checkedPlateType(plate, req(raw, 'plateType', 8));
  const vin = req(raw, 'vin', 17).toUpperCase();
  if (!isValidVin(vin)) throw new RowProblem('vin 车辆识别代号不正确（17位，第9位校验位）');
  return {
    plate,
    plateType,
    vin,
    ownerIdNumber: idNumber(raw, 'ownerIdNumber') as string,
    brand: req(raw, 'brand', 64),
    model: req(raw, 'model', 64),
    registeredAt: reqDate(raw, 'registeredAt'),
    inspectionDueAt: date(raw, 'inspectionDueAt', true),
    insuranceExpiresAt: date(raw, 'insuranceExpiresAt', true),
    status: statusCode(raw, VEHICLE_STATUS),
  };
}

const VIOLATION_STATUSES = new Set(['UNPROCESSED', 'PROCESSED', 'PAID']);

function violation(raw: Raw): ViolationRow {
  const plate = normalisePlate(req(raw, 'plate', 16));
  const kind = plateKind(plate);
  if (!kind) throw new RowProblem('号牌号码格式不正确');
  // Absent: the type people mean by the plate alone (02 small car; 52/51 for an 8-character plate).
  const given = text(raw, 'plateType', 8, true);
  const plateType = given === null ? defaultPlateType(kind) : checkedPlateType(plate, given);
  const code = req(raw, 'code', 8);
  if (!/^\d{4,5}$/.test(code)) throw new RowProblem('code 违法代码应为4位或5位数字');
  const points = int(raw, 'points', 0, 12);
  if (!POINT_VALUES.includes(points)) throw new RowProblem('points 记分只能是 0、1、3、6、9 或 12');
  const status = req(raw, 'status', 16).toUpperCase();
  if (!VIOLATION_STATUSES.has(status)) throw new RowProblem('status 应为 UNPROCESSED、PROCESSED 或 PAID');
  const occurredAt = reqDate(raw, 'occurredAt');
  if (occurredAt.getTime() > Date.now() + 60_000) throw new RowProblem('occurredAt 违法时间不能晚于现在');
  const decidedAt = date(raw, 'decidedAt', true);
  if (decidedAt && decidedAt.getTime() < occurredAt.getTime()) throw new RowProblem('decidedAt 处理时间不能早于违法时间');
  return {
    plate,
    plateType,
    occurredAt,
    place: req(raw, 'place', 255),
    code,
    description: req(raw, 'description', 255),
    fineFen: int(raw, 'fineFen', 0, 100_000_000),
    points,
    status: status as ViolationRow['status'],
    decidedAt,
    licenceNumber: idNumber(raw, 'licenceNumber', true),
  };
}

const VALIDATORS: { [K in ImportKind]: (raw: Raw) => RowOf<K> } = { licences: licence, vehicles: vehicle, violations: violation };

/** The clean record, or the reason the row is rejected. */
export function validateRow<K extends ImportKind>(kind: K, raw: Raw): { row: RowOf<K> } | { reason: string } {
  try {
    return { row: VALIDATORS[kind](raw) as RowOf<K> };
  } catch (err) {
    if (err instanceof RowProblem) return { reason: err.message };
    throw err;
  }
}
