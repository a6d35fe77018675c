// Fails when the migrated database and schema.prisma disagree: tables, columns, types,
// nullability, primary keys, unique and plain indexes, and foreign keys.
import { loadDmmf, physicalModel, type PhysicalTable } from '../../src/db/physical-model';
import { testDatabaseUrl } from '../support/databases';
import { openConnection } from '../support/sql';

interface Described {
  columns: Record<string, { type: string; nullable: boolean }>;
  primaryKey: string[];
  indexes: Record<string, { unique: boolean; columns: string[] }>;
  foreignKeys: Record<string, { columns: string[]; refTable: string; onDelete: string }>;
}

async function describeDatabase(url: string): Promise<Record<string, Described>> {
  const conn = await openConnection(url);
  try {
    const cols: { t: string; c: string; type: string; nullable: string }[] = await conn.query(
      `SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE type, IS_NULLABLE nullable
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY ORDINAL_POSITION`,
    );
    const stats: { t: string; i: string; nonUnique: number; c: string }[] = await conn.query(
      `SELECT TABLE_NAME t, INDEX_NAME i, NON_UNIQUE nonUnique, COLUMN_NAME c
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY SEQ_IN_INDEX`,
    );
    const fks: { t: string; n: string; c: string; rt: string; del: string }[] = await conn.query(
      `SELECT k.TABLE_NAME t, k.CONSTRAINT_NAME n, k.COLUMN_NAME c, k.REFERENCED_TABLE_NAME rt, r.DELETE_RULE del
         FROM information_schema.KEY_COLUMN_USAGE k
         JOIN information_schema.REFERENTIAL_CONSTRAINTS r
           ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
        WHERE k.TABLE_SCHEMA = DATABASE() ORDER BY k.ORDINAL_POSITION`,
    );
    const out: Record<string, Described> = {};
    const table = (t: string) => (out[t] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: {} });
    for (const c of cols) table(c.t).columns[c.c] = { type: c.type.replace(/^\w+/, (m) => m.toLowerCase()), nullable: c.nullable === 'YES' };
    const fkNames = new Set(fks.map((f) => `${f.t}.${f.n}`));
    for (const s of stats) {
      if (s.i === 'PRIMARY') table(s.t).primaryKey.push(s.c);
      // InnoDB adds an index for a foreign key that has none; it carries the constraint's name.
      else if (!fkNames.has(`${s.t}.${s.i}`)) {
        const idx = (table(s.t).indexes[s.i] ??= { unique: Number(s.nonUnique) === 0, columns: [] });
        idx.columns.push(s.c);
      }
    }
    for (const f of fks) {
      const fk = (table(f.t).foreignKeys[f.n] ??= { columns: [], refTable: f.rt, onDelete: f.del });
      fk.columns.push(f.c);
    }
    return out;
  } finally {
    await conn.end();
  }
}

function expected(tables: PhysicalTable[]): Record<string, Described> {
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      {
        columns: Object.fromEntries(t.columns.map((c) => [c.name, { type: c.type, nullable: c.nullable }])),
        primaryKey: t.primaryKey,
        indexes: Object.fromEntries(t.indexes.map((i) => [i.name, { unique: i.unique, columns: i.columns }])),
        foreignKeys: Object.fromEntries(
          t.foreignKeys.map((f) => [f.name, { columns: f.columns, refTable: f.refTable, onDelete: f.onDelete }]),
        ),
      },
    ]),
  );
}

describe('migrations and schema.prisma', () => {
  let actual: Record<string, Described>;
  let model: Record<string, Described>;

  beforeAll(async () => {
    actual = await describeDatabase(testDatabaseUrl());
    delete actual._prisma_migrations;
    model = expected(physicalModel(await loadDmmf()));
  });

  it('have the same tables', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(model).sort());
  });

  it('agree on every table, column, type, nullability, key, index and foreign key', () => {
    for (const name of Object.keys(model)) {
      expect({ table: name, ...actual[name] }).toEqual({ table: name, ...model[name] });
    }
  });

  it('would notice a column the migrations lack', () => {
    const broken = structuredClone(model);
    broken.Driver.columns.extra = { type: 'int(11)', nullable: true };
    expect(actual.Driver).not.toEqual(broken.Driver);
  });
});
