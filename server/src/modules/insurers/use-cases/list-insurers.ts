// GET /api/insurers: the directory parties pick their insurer from (public, like the units).
import type { AppDeps } from '../../../deps';
import { loadDirectory } from '../directory';

export async function listInsurers(deps: Pick<AppDeps, 'db'>) {
  const directory = await loadDirectory(deps.db);
  return { items: directory.map((i) => ({ code: i.code, name: i.name, hotline: i.hotline })) };
}
