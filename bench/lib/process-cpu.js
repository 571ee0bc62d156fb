// CPU time of the processes a benchmark started, read from /proc (Linux), so a benchmark can say what an
// item cost each process in CPU ms: steadier than a rate on a shared machine. Processes are grouped by
// what they are: FerretDB, PostgreSQL (the postmaster and every backend, those already gone included
// through the postmaster's reaped-children time), the given app processes, and this benchmark process
// itself (which runs the SMTP sink).
'use strict';
const { readdirSync, readFileSync } = require('node:fs');

const TICKS_PER_SECOND = 100;

/** pid, comm, ppid and CPU ticks (own and reaped children's) of every readable process. */
function processes() {
  const all = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // Gone meanwhile.
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is the state (stat's 3rd field): ppid is the 4th, utime..cstime the 14th-17th.
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    all.push({ pid: Number(name), comm, ppid: Number(fields[1]), own: utime + stime, reaped: cutime + cstime });
  }
  return all;
}

/** CPU seconds so far of this process's descendants by group; `apps` maps a group name to pids. */
function cpuSeconds(apps = {}) {
  const all = processes();
  const children = new Map();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const descendants = [];
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop();
    descendants.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  const byPid = new Map(descendants.map((p) => [p.pid, p]));
  const ticks = { ferretdb: 0, postgresql: 0 };
  for (const p of descendants) {
    if (p.comm === 'ferretdb') ticks.ferretdb += p.own;
    // The postmaster's reaped time covers backends that have exited.
    if (p.comm === 'postgres') ticks.postgresql += p.own + (byPid.get(p.ppid)?.comm === 'postgres' ? 0 : p.reaped);
  }
  for (const [group, pids] of Object.entries(apps)) {
    ticks[group] = pids.reduce((sum, pid) => sum + (byPid.get(pid)?.own ?? 0), 0);
  }
  const self = readFileSync('/proc/self/stat', 'utf8');
  const selfFields = self.slice(self.lastIndexOf(')') + 2).split(' ');
  ticks.bench = Number(selfFields[11]) + Number(selfFields[12]);
  return Object.fromEntries(Object.entries(ticks).map(([k, v]) => [k, v / TICKS_PER_SECOND]));
}

/** CPU ms per item of each group between two `cpuSeconds` readings, and their sum. */
function cpuMsPer(before, after, items) {
  const perItem = {};
  let total = 0;
  for (const [group, seconds] of Object.entries(after)) {
    const ms = ((seconds - (before[group] ?? 0)) * 1000) / items;
    perItem[group] = Math.round(ms * 100) / 100;
    total += ms;
  }
  return { ...perItem, total: Math.round(total * 100) / 100 };
}

module.exports = { cpuSeconds, cpuMsPer };
