// The import's hand-written SQL: one multi-row upsert per batch and kind, on each kind's natural key.
import { createConnection } from 'mariadb';
import { connectionOptions } from '../../lib/database-url';
import type { LicenceRow, RowOf, ImportKind, VehicleRow, ViolationRow } from './import-rows';

export const IMPORT_BATCH_ROWS = 500;

export interface Entry<R> {
  line: number;
  row: R;
}

/**
 * A batch writer: upserts the rows and says how many keys were new; rows it refuses go to reject().
 * Every other row counts as an update (also an earlier row of the batch superseded by a later one).
 */
export type Writer<R> = (db: Sql, batch: Entry<R>[], reject: (line: number, reason: string) => void) => Promise<{ created: number }>;

/** The statements a batch writer runs, on the import's own connection. */
export interface Sql {
  select<T>(sql: string, values: unknown[]): Promise<T[]>;
  /** Runs a write and answers MariaDB's affected-row count. */
  execute(sql: string, values: unknown[]): Promise<number>;
}

/**
 * The import's own connection on the app's driver: a long import holds one connection rather than
 * a share of the request pool, and the driver's text-protocol formatting of a 5,000-value INSERT
 * costs far less than Prisma's raw-query path (measured by bench/import.ts).
 */
export async function openSql(databaseUrl: string): Promise<Sql & { close(): Promise<void> }> {
  const conn = await createConnection({
    ...connectionOptions(databaseUrl),
    bigIntAsNumber: true,
  });
  return {
    select: <T>(sql: string, values: unknown[]): Promise<T[]> => conn.query(sql, values),
    async execute(sql: string, values: unknown[]) {
      const result: { affectedRows: number } = await conn.query(sql, values);
      return Number(result.affectedRows);
    },
    close: () => conn.end(),
  };
}

/** DATETIME(3) literal in UTC (the connection works in UTC). */
const sqlTime = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 23) : null);

/** Keeps the last row of each key; earlier rows with the same key are superseded by it. */
function lastPerKey<R>(batch: Entry<R>[], key: (r: R) => string): Map<string, Entry<R>> {
  const map = new Map<string, Entry<R>>();
  for (const e of batch) {
    const k = key(e.row);
    map.delete(k);
    map.set(k, e);
  }
  return map;
}

const placeholders = (rows: number, perRow: number) => {
  const one = `(${new Array(perRow).fill('?').join(',')})`;
  return new Array(rows).fill(one).join(',');
};

const writeLicences: Writer<LicenceRow> = async (db, batch) => {
  const rows = lastPerKey(batch, (r) => r.idNumber);
  const keys = [...rows.keys()];
  const existing = await db.select<{ idNumber: string }>(
    `SELECT idNumber FROM Licence WHERE idNumber IN (${keys.map(() => '?').join(',')})`,
    keys,
  );
  const values: unknown[] = [];
  for (const { row: r } of rows.values()) {
    values.push(r.idNumber, r.name, r.licenceClass, sqlTime(r.firstIssuedAt), sqlTime(r.validUntil), r.status, r.points, sqlTime(r.nextMedicalCheckAt), r.phone, r.fileNumber);
  }
  await db.execute(
    `INSERT INTO Licence (idNumber, name, licenceClass, firstIssuedAt, validUntil, status, points, nextMedicalCheckAt, phone, fileNumber, createdAt, updatedAt)
     VALUES ${placeholders(rows.size, 10).replace(/\?\)/g, '?, NOW(3), NOW(3))')}
     ON DUPLICATE KEY UPDATE name = VALUES(name), licenceClass = VALUES(licenceClass), firstIssuedAt = VALUES(firstIssuedAt),
       validUntil = VALUES(validUntil), status = VALUES(status), points = VALUES(points),
       nextMedicalCheckAt = VALUES(nextMedicalCheckAt),
       phone = COALESCE(VALUES(phone), phone), fileNumber = COALESCE(VALUES(fileNumber), fileNumber), updatedAt = VALUES(updatedAt)`,
    values,
  );
  return { created: rows.size - existing.length };
};

const writeVehicles: Writer<VehicleRow> = async (db, batch, reject) => {
  const rows = lastPerKey(batch, (r) => r.vin);
  const plateHolder = new Map<string, string>();
  for (const [vin, e] of rows) {
    const plateKey = `${e.row.plate}|${e.row.plateType}`;
    const holder = plateHolder.get(plateKey);
    if (holder) {
      reject(e.line, `号牌 ${e.row.plate} 在本文件中已用于车架号为 ${holder} 的车辆`);
      rows.delete(vin);
    } else plateHolder.set(plateKey, vin);
  }
  if (rows.size === 0) return { created: 0 };
  const list = [...rows.values()];
  const found = await db.select<{ vin: string; plate: string; plateType: string }>(
    `SELECT vin, plate, plateType FROM Vehicle WHERE vin IN (${list.map(() => '?').join(',')})
       OR (plate, plateType) IN (${list.map(() => '(?,?)').join(',')})`,
    [...list.map((e) => e.row.vin), ...list.flatMap((e) => [e.row.plate, e.row.plateType])],
  );
  const existingVins = new Set(found.map((f) => f.vin));
  const dbPlateHolder = new Map(found.map((f) => [`${f.plate}|${f.plateType}`, f.vin]));
  const accepted = list.filter((e) => {
    const holder = dbPlateHolder.get(`${e.row.plate}|${e.row.plateType}`);
    if (holder && holder !== e.row.vin) {
      reject(e.line, `号牌 ${e.row.plate} 已登记在另一辆车上，请先更新或注销那辆车的记录`);
      return false;
    }
    return true;
  });
  if (accepted.length === 0) return { created: 0 };
  const values: unknown[] = [];
  for (const { row: r } of accepted) {
    values.push(r.plate, r.plateType, r.vin, r.ownerIdNumber, r.brand, r.model, sqlTime(r.registeredAt), sqlTime(r.inspectionDueAt), sqlTime(r.insuranceExpiresAt), r.status);
  }
  await db.execute(
    `INSERT INTO Vehicle (plate, plateType, vin, ownerIdNumber, brand, model, registeredAt, inspectionDueAt, insuranceExpiresAt, status, createdAt, updatedAt)
     VALUES ${placeholders(accepted.length, 10).replace(/\?\)/g, '?, NOW(3), NOW(3))')}
     ON DUPLICATE KEY UPDATE plate = VALUES(plate), plateType = VALUES(plateType), ownerIdNumber = VALUES(ownerIdNumber),
       brand = VALUES(brand), model = VALUES(model), registeredAt = VALUES(registeredAt), inspectionDueAt = VALUES(inspectionDueAt),
       insuranceExpiresAt = VALUES(insuranceExpiresAt), status = VALUES(status), updatedAt = VALUES(updatedAt)`,
    values,
  );
  return { created: accepted.filter((e) => !existingVins.has(e.row.vin)).length };
};

/** The natural key, as the unique index (plate, plateType, occurredAt, code). */
const violationKey = (r: ViolationRow) => `${r.plate}|${r.plateType}|${sqlTime(r.occurredAt)}|${r.code}`;

/**
 * Violations come by the million, so no look-up before writing: with the batch's keys made unique
 * and updatedAt always changing, MariaDB counts 1 affected row per insert and 2 per update, which
 * gives created = 2n − affected.
 */
const writeViolations: Writer<ViolationRow> = async (db, batch) => {
  const rows = lastPerKey(batch, violationKey);
  const values: unknown[] = [];
  for (const { row: r } of rows.values()) {
    values.push(r.plate, r.plateType, sqlTime(r.occurredAt), r.place, r.code, r.description, r.fineFen, r.points, r.status, sqlTime(r.decidedAt), r.licenceNumber);
  }
  const affected = await db.execute(
    `INSERT INTO Violation (plate, plateType, occurredAt, place, code, description, fineFen, points, status, decidedAt, licenceNumber, createdAt, updatedAt)
     VALUES ${placeholders(rows.size, 11).replace(/\?\)/g, '?, NOW(6), NOW(6))')}
     ON DUPLICATE KEY UPDATE place = VALUES(place), description = VALUES(description), fineFen = VALUES(fineFen),
       points = VALUES(points), status = VALUES(status), decidedAt = VALUES(decidedAt),
       licenceNumber = COALESCE(VALUES(licenceNumber), licenceNumber), updatedAt = VALUES(updatedAt)`,
    values,
  );
  return { created: 2 * rows.size - affected };
};

export const WRITERS: { [K in ImportKind]: Writer<RowOf<K>> } = {
  licences: writeLicences,
  vehicles: writeVehicles,
  violations: writeViolations,
};
