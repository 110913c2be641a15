import { readFileSync } from 'node:fs';
const trace = JSON.parse(readFileSync('/tmp/lh/report-0.trace.json', 'utf8'));
const all = trace.traceEvents ?? trace;
const ev = all.filter((e) => e.ph === 'X');
const byTid = {};
for (const e of ev.filter((e) => e.name === 'ParseHTML')) byTid[e.tid] = (byTid[e.tid] ?? 0) + e.dur;
const main = Number(Object.entries(byTid).sort((a, b) => b[1] - a[1])[0][0]);
const t0 = ev.find((e) => e.tid === main && e.name === 'ParseHTML').ts;
const tasks = ev.filter((e) => e.tid === main && e.name === 'RunTask' && e.dur > 10000);
for (const t of tasks) {
  console.log(`TASK @${Math.round((t.ts - t0) / 1000)} ${Math.round(t.dur / 1000)}ms`);
  const inside = ev.filter((e) => e.tid === main && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 2000);
  for (const e of inside.slice(0, 30)) console.log(`   +${Math.round((e.ts - t.ts) / 1000)} ${e.name} ${Math.round(e.dur / 1000)} ${JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 100)}`);
}
