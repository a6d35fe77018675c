// Builders for inquiry tests: valid ID numbers and VINs, CSV text, and an admin's authorised import request.
import { idNumberCheckChar, type TestContext } from '../support/context';
import { vinCheckDigit } from '@jiaoguan/contracts/vin';

export function idNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

/** A VIN with the right check digit: 8 characters, check, 8 characters. */
export function vin(head8: string, tail8: string): string {
  const draft = `${head8}0${tail8}`;
  return `${head8}${vinCheckDigit(draft)}${tail8}`;
}

export function csv(header: string[], rows: (string | number)[][]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

export function importCsv(ctx: TestContext, token: string, kind: string, body: string) {
  return ctx.http.post(`/api/admin/import/${kind}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/csv').send(body);
}

export function importJson(ctx: TestContext, token: string, kind: string, rows: unknown) {
  return ctx.http
    .post(`/api/admin/import/${kind}`)
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(rows));
}

export const LICENCE_HEADER = ['idNumber', 'name', 'licenceClass', 'firstIssuedAt', 'validUntil', 'status', 'points'];
export const VEHICLE_HEADER = ['plate', 'plateType', 'vin', 'ownerIdNumber', 'brand', 'model', 'registeredAt', 'inspectionDueAt', 'status'];
export const VIOLATION_HEADER = ['plate', 'occurredAt', 'place', 'code', 'description', 'fineFen', 'points', 'status'];
