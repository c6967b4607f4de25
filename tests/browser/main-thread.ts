/**
 * The page's main-thread tasks while something runs, from a DevTools trace
 * (categories toplevel, devtools.timeline, v8): each task's wall time and
 * the main thread's CPU time in it, with what ran inside (the page's
 * scripts by file:line:column, style and layout, paint, garbage collection).
 *
 * Why CPU time is the bar and wall time only reported: other engineers
 * share the machine's two cores, and at load 10–12 a task that needs 7 ms
 * of CPU takes 60–90 ms of wall time while the main thread waits for a
 * core (measured: the renderer's wall time in tasks was 3.6–5.5× its CPU
 * time over a run). A task's CPU time is what the page itself costs, the
 * same on an idle machine, where wall ≈ CPU. Garbage collection inside a
 * task counts (it is the page's garbage); Playwright's own queries are
 * short tasks and never reach 50 ms.
 */
import type { CDPSession, Page } from 'playwright-core';

/** A DevTools session on the page. */
export const devtools = (page: Page): Promise<CDPSession> => page.context().newCDPSession(page);

export interface Task {
  /** When it began, ms after the trace started. */
  at: number;
  /** Wall time (ms). */
  wall: number;
  /** The main thread's CPU time in it (ms): what the task costs without the machine's load. */
  cpu: number;
  /** What ran in it (the page's scripts by file and line, layout, paint, garbage collection). */
  what: string[];
}

/** Starts a DevTools trace of the renderer's main-thread tasks (with their thread CPU time). */
export async function startTasks(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8'], recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream' });
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { url?: string; lineNumber?: number; columnNumber?: number; functionName?: string } } };

/** Ends the trace; the main thread's tasks longer than `over` ms of wall time, longest CPU first. */
export async function stopTasks(cdp: CDPSession, over = 50): Promise<Task[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    text += r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data;
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const long = tasks.filter((t) => t.dur! / 1000 > over);
  const t0 = tasks[0]?.ts ?? 0;
  return long
    .map((t) => {
      const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + t.dur! && e.tid === t.tid && e.pid === t.pid);
      const parts = new Map<string, number>();
      for (const e of inside) {
        const d = e.args?.data;
        const key = ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame'].includes(e.name) && d?.url ? `${e.name} ${d.url.split('/').pop()}:${d.lineNumber ?? ''}:${d.columnNumber ?? ''}` : ['Layout', 'UpdateLayoutTree', 'Paint', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND', 'ParseHTML', 'Decode Image'].includes(e.name) ? e.name : null;
        if (key) parts.set(key, (parts.get(key) ?? 0) + (e.tdur ?? e.dur!) / 1000);
      }
      return { at: (t.ts - t0) / 1000, wall: t.dur! / 1000, cpu: (t.tdur ?? t.dur!) / 1000, what: [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(0)} ms`) };
    })
    .sort((a, b) => b.cpu - a.cpu);
}
