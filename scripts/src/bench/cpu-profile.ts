import { readFile } from 'node:fs/promises';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that self time is counted from. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a profile's busy time went: total busy milliseconds, and self time by function and by package. */
export interface ProfileSummary {
  busyMs: number;
  byFunction: { name: string; ms: number }[];
  byPackage: { name: string; ms: number }[];
}

// V8's pseudo-frames: idle is time the process waited for I/O, not work it did.
const IDLE = '(idle)';

/** Reads a `.cpuprofile` and sums self time by function and by package, idle time left out; busiest first. */
export async function summarizeProfile(file: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame] as const));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!frame || frame.functionName === IDLE) return;
    busyMs += ms;
    const where = packageOf(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPackage.set(where, (byPackage.get(where) ?? 0) + ms);
  });
  return { busyMs, byFunction: sorted(byFunction), byPackage: sorted(byPackage) };
}

/** The npm package a script belongs to, `node:` for Node's own, our workspace by folder, V8's pseudo-frames as is. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) return match[1];
  const ours = /\/(shared|services\/[^/]+|gateway|scripts)\/(?:dist|src)\//.exec(url);
  return ours ? `nq57:${ours[1]}` : url;
}

function sorted(totals: Map<string, number>): { name: string; ms: number }[] {
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
