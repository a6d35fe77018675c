// Prints where a V8 CPU profile (.cpuprofile, e.g. from RUSH_CPU_PROFILE) spent its time: self
// time by package (or by the app's own folder) and the heaviest functions, idle excluded.
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary <file.cpuprofile> [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, k) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));

/** `node_modules/<pkg>` (scoped too), the app's `src/<folder>`, `node:` internals, or the V8 pseudo-frames. */
function owner(url: string, name: string): string {
  if (!url) return `(${name || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(src\/(?:[^/]+\/)?[^/]+?)(?:\/|\.)/.exec(url);
  if (own) return own[1];
  return url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const owners = new Map<string, number>();
const functions = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)' || functionName === '(program)') continue;
  busy += us;
  add(owners, owner(url, functionName), us);
  add(functions, `${functionName || '(anonymous)'} ${owner(url, functionName)}:${lineNumber + 1}`, us);
}

const table = (title: string, m: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
  }
};
process.stdout.write(`busy: ${(busy / 1000).toFixed(0)} ms (idle and (program) excluded)\n`);
table('self time by owner', owners);
table('self time by function', functions);
