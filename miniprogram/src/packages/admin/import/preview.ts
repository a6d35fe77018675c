// The first rows of a file about to be imported, read in the page before anything is sent: the
// admin sees the columns under their Chinese names and which required ones are missing.
import { IMPORT_FIELD_LABELS } from '@jiaoguan/contracts/labels'

export interface Preview {
  columns: { name: string; label: string; known: boolean }[]
  rows: string[][]
  missing: string[]
}

export const PREVIEW_ROWS = 5

/** One CSV line split at commas outside double quotes ("" is a quote inside a quoted field). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out.map((v) => v.trim())
}

/** The preview of a file's beginning (CSV with a header line, or a JSON array), given the kind's columns. */
export function previewOf(text: string, fields: { required: readonly string[]; optional: readonly string[] }): Preview {
  const body = text.replace(/^\uFEFF/, '')
  let names: string[]
  let rows: string[][]
  if (body.trimStart().startsWith('[')) {
    let items: unknown[] = []
    try {
      const parsed: unknown = JSON.parse(body)
      items = Array.isArray(parsed) ? parsed : []
    } catch {
      items = []
    }
    const objects = items.slice(0, PREVIEW_ROWS).filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null)
    names = [...new Set(objects.flatMap((o) => Object.keys(o)))]
    rows = objects.map((o) => names.map((n) => (o[n] === undefined || o[n] === null ? '' : String(o[n]))))
  } else {
    const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '')
    names = lines.length ? splitCsvLine(lines[0]) : []
    rows = lines.slice(1, 1 + PREVIEW_ROWS).map(splitCsvLine)
  }
  const known = new Set([...fields.required, ...fields.optional])
  return {
    columns: names.map((name) => ({ name, label: IMPORT_FIELD_LABELS[name] ?? name, known: known.has(name) })),
    rows,
    missing: fields.required.filter((f) => !names.includes(f)).map((f) => IMPORT_FIELD_LABELS[f] ?? f),
  }
}
