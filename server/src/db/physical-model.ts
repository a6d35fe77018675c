// The tables, columns and indexes that schema.prisma implies on MySQL/MariaDB, derived from
// Prisma's own DMMF. Used to write the first migration and by the schema-drift test.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PhysicalColumn {
  name: string;
  /** Lower-case column type as information_schema.COLUMNS.COLUMN_TYPE spells it. */
  type: string;
  nullable: boolean;
  autoIncrement: boolean;
  defaultSql?: string;
}
export interface PhysicalIndex {
  name: string;
  unique: boolean;
  columns: string[];
}
export interface PhysicalForeignKey {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
}
export interface PhysicalTable {
  name: string;
  columns: PhysicalColumn[];
  primaryKey: string[];
  indexes: PhysicalIndex[];
  foreignKeys: PhysicalForeignKey[];
}

export const SCHEMA_PATH = path.resolve(__dirname, '../../../prisma/schema.prisma');

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: { name: string; args: unknown[] } | string | number | boolean | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName?: string | null;
  fields: DmmfField[];
  primaryKey?: { fields: string[] } | null;
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: DmmfIndex[];
  };
}

export async function loadDmmf(schemaPath = SCHEMA_PATH): Promise<Dmmf> {
  // Dev-only dependency: loaded lazily so the running server never needs it.
  const { getDMMF } = await import('@prisma/internals');
  return (await getDMMF({ datamodel: readFileSync(schemaPath, 'utf8') })) as unknown as Dmmf;
}

function columnType(field: DmmfField, enums: Map<string, string[]>): string {
  if (field.kind === 'enum') {
    const values = enums.get(field.type) ?? [];
    return `enum(${values.map((v) => `'${v}'`).join(',')})`;
  }
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const lower = name.toLowerCase();
    if (lower === 'text' || lower === 'date') return lower;
    return args.length ? `${lower}(${args.join(',')})` : lower;
  }
  switch (field.type) {
    case 'Int':
      return 'int(11)';
    case 'BigInt':
      return 'bigint(20)';
    case 'String':
      return 'varchar(191)';
    case 'Boolean':
      return 'tinyint(1)';
    case 'DateTime':
      return 'datetime(3)';
    case 'Json':
      return 'longtext'; // MariaDB stores JSON as LONGTEXT with a json_valid check
    case 'Decimal':
      return 'decimal(65,30)';
    case 'Float':
      return 'double';
    default:
      throw new Error(`unmapped Prisma type ${field.type} on ${field.name}`);
  }
}

function defaultSql(field: DmmfField): string | undefined {
  const d = field.default;
  if (d === undefined || d === null) return undefined;
  if (typeof d === 'object') {
    if (d.name === 'now') return 'CURRENT_TIMESTAMP(3)';
    return undefined; // autoincrement and other generated values
  }
  if (typeof d === 'boolean') return d ? 'true' : 'false';
  if (typeof d === 'number') return String(d);
  return `'${String(d)}'`;
}

export function physicalModel(dmmf: Dmmf): PhysicalTable[] {
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  return dmmf.datamodel.models.map((model) => {
    const table = model.dbName ?? model.name;
    const columnOf = (fieldName: string) => {
      const f = model.fields.find((x) => x.name === fieldName);
      return f?.dbName ?? fieldName;
    };
    const columns: PhysicalColumn[] = model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => ({
        name: f.dbName ?? f.name,
        type: columnType(f, enums),
        nullable: !f.isRequired,
        autoIncrement: typeof f.default === 'object' && f.default?.name === 'autoincrement',
        defaultSql: defaultSql(f),
      }));
    const indexes: PhysicalIndex[] = [];
    let primaryKey: string[] = [];
    for (const idx of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = idx.fields.map((f) => columnOf(f.name));
      if (idx.type === 'id') {
        primaryKey = cols;
        continue;
      }
      const suffix = idx.type === 'unique' ? 'key' : 'idx';
      indexes.push({
        name: idx.dbName ?? `${table}_${cols.join('_')}_${suffix}`,
        unique: idx.type === 'unique',
        columns: cols,
      });
    }
    const foreignKeys: PhysicalForeignKey[] = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
      .map((f) => {
        const cols = f.relationFromFields!.map(columnOf);
        const optional = model.fields
          .filter((x) => f.relationFromFields!.includes(x.name))
          .some((x) => !x.isRequired);
        return {
          name: `${table}_${cols.join('_')}_fkey`,
          columns: cols,
          refTable: tableOf.get(f.type) ?? f.type,
          refColumns: f.relationToFields ?? ['id'],
          onDelete: (f.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict'))
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toUpperCase(),
        };
      });
    return { name: table, columns, primaryKey, indexes, foreignKeys };
  });
}

/** CREATE TABLE statements in the style of Prisma's own migrations. */
export function createTablesSql(tables: PhysicalTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    const lines = t.columns.map((c) => {
      const type = c.type
        .replace(/^int\(11\)$/, 'INTEGER')
        .replace(/^bigint\(20\)$/, 'BIGINT')
        .replace(/^tinyint\(1\)$/, 'BOOLEAN')
        .replace(/^longtext$/, 'JSON')
        .replace(/^(\w+)/, (m) => (m === 'enum' ? 'ENUM' : m.toUpperCase()));
      let line = `    \`${c.name}\` ${type} ${c.nullable ? 'NULL' : 'NOT NULL'}`;
      if (c.autoIncrement) line += ' AUTO_INCREMENT';
      if (c.defaultSql) line += ` DEFAULT ${c.defaultSql}`;
      return line;
    });
    const keys = [
      ...t.indexes.map(
        (i) =>
          `    ${i.unique ? 'UNIQUE INDEX' : 'INDEX'} \`${i.name}\`(${i.columns.map((c) => `\`${c}\``).join(', ')})`,
      ),
      `    PRIMARY KEY (${t.primaryKey.map((c) => `\`${c}\``).join(', ')})`,
    ];
    out.push(
      `-- CreateTable\nCREATE TABLE \`${t.name}\` (\n${lines.join(',\n')},\n\n${keys.join(',\n')}\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n`,
    );
  }
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      out.push(
        `-- AddForeignKey\nALTER TABLE \`${t.name}\` ADD CONSTRAINT \`${fk.name}\` FOREIGN KEY (${fk.columns
          .map((c) => `\`${c}\``)
          .join(', ')}) REFERENCES \`${fk.refTable}\`(${fk.refColumns.map((c) => `\`${c}\``).join(', ')}) ON DELETE ${fk.onDelete} ON UPDATE CASCADE;\n`,
      );
    }
  }
  return out.join('\n');
}
