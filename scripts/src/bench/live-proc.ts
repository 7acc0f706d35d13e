import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** Resident memory of process `pid` in KiB (VmRSS of /proc/<pid>/status). */
export function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]);
}

/** CPU time (user + system) process `pid` has used so far, in seconds; with `reaped`, its ended children's too. */
export function cpuSeconds(pid: number, reaped = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime, stime, cutime, cstime are 14-17.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return (fields[11] + fields[12] + (reaped ? fields[13] + fields[14] : 0)) / CLOCK_TICKS;
}

/** Established TCP connections that process `pid` holds to 127.0.0.1:`port` (its sockets, matched by inode). */
export function connectionsFrom(pid: number, port: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // The descriptor was closed between listing and reading.
    }
  }
  const wanted = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '01' && fields[2]?.endsWith(wanted) && inodes.has(fields[9])) count++;
    }
  }
  return count;
}

/** Samples the resident memory of some processes until stopped, keeping each one's peak. */
export class PeakRss {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: Record<string, number>) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  /** Stops sampling and returns each process's peak RSS in KiB. */
  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample();
    return Object.fromEntries(this.peaks);
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = rssKiB(pid);
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, rss));
    }
  }
}

/**
 * CPU seconds used so far by a PostgreSQL server: the postmaster `pid`, its live backends, and (through the
 * postmaster's count of reaped children) the backends that have ended.
 */
export function postgresCpuSeconds(pid: number): number {
  let total = cpuSeconds(pid, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) total += cpuSeconds(Number(entry));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

/** CPU seconds every CPU of the machine has spent busy (not idle or waiting for I/O), from /proc/stat. */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/** CPU use over an interval, as a share of one core (1 = one core busy all the time), per named reader. */
export class CpuMeter {
  private readonly start: Record<string, number>;
  private readonly startedAt = process.hrtime.bigint();

  constructor(private readonly readers: Record<string, () => number>) {
    this.start = this.read();
  }

  /** Each reader's average share of one core since the meter was made. */
  stop(): Record<string, number> {
    const wall = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    const used = this.seconds();
    return Object.fromEntries(Object.entries(used).map(([name, seconds]) => [name, seconds / wall]));
  }

  /** Each reader's CPU seconds since the meter was made. */
  seconds(): Record<string, number> {
    const end = this.read();
    return Object.fromEntries(Object.keys(this.readers).map((name) => [name, end[name] - this.start[name]]));
  }

  private read(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.readers).map(([name, read]) => [name, read()]));
  }
}

/** The soft limit on open files of this process (and of the children it starts), or Infinity. */
export function openFilesSoftLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = /^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1];
  return soft === undefined || soft === 'unlimited' ? Infinity : Number(soft);
}

/** The machine the benchmark ran on, as the docs report it. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  kernel: string;
  openFiles: string;
  /** 1, 5 and 15 minute load averages when the run started. */
  loadAverage: number[];
}

/** Reads `nproc`, the CPU model, total memory, the Node version, the OS and the open-files limit. */
export function machineInfo(): MachineInfo {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const osRelease = readFileSync('/etc/os-release', 'utf8');
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const files = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits);
  return {
    cpus: Number(execFileSync('nproc').toString().trim()),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? os.type(),
    kernel: `${os.type()} ${os.release()}`,
    openFiles: files ? `${files[1]} soft / ${files[2]} hard` : 'unknown',
    loadAverage: os.loadavg(),
  };
}

/** The hard limit on open files of this process, or Infinity. */
export function openFilesHardLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const hard = /^Max open files\s+(?:\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits)?.[1];
  return hard === undefined || hard === 'unlimited' ? Infinity : Number(hard);
}

/**
 * Raises this process's soft open-files limit to `needed` (at most the hard limit) with util-linux `prlimit`,
 * since Node has no setrlimit; children started afterwards inherit it. Returns the soft limit after trying.
 */
export function raiseOpenFiles(needed: number): number {
  const soft = openFilesSoftLimit();
  if (soft >= needed) return soft;
  const target = Math.min(needed, openFilesHardLimit());
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${target}:`], { stdio: 'ignore' });
  } catch {
    // No prlimit, or not allowed: the caller reports the limit as it is.
  }
  return openFilesSoftLimit();
}
