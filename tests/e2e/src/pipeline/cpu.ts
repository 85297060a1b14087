// CPU time from Linux /proc: of one process, of every process with a given command name, of the machine.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function statFields(pid: number | string): { comm: string; fields: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    return { comm: stat.slice(open + 1, close), fields: stat.slice(close + 2).split(' ') };
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process, all its threads (0 once it is gone). */
export function processCpuSeconds(pid: number): number {
  const stat = statFields(pid);
  if (!stat) return 0;
  return (Number(stat.fields[11]) + Number(stat.fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds of every process named `comm` (postgres backends, redis-server), summed. */
export function commandCpuSeconds(comm: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(entry);
    if (stat?.comm === comm) total += (Number(stat.fields[11]) + Number(stat.fields[12])) / TICKS_PER_SECOND;
  }
  return total;
}

/** Busy CPU seconds of the whole machine (every core), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
}
