// Loaded into the production server by the benchmark only (`node --import bench/lib/probe.mjs
// dist/main.js serve`): watches the event-loop delay and, on SIGUSR2, writes it with the memory
// figures of the process to BENCH_PROBE_FILE (then starts counting afresh). It changes nothing the
// server does: no hooks, no patched modules, one timer histogram.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
  const mib = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
  process.on('SIGUSR2', () => {
    const m = process.memoryUsage();
    const stats = {
      at: Date.now(),
      eventLoopDelayMs: {
        p50: ms(loop.percentile(50)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
      },
      memoryMiB: {
        rss: mib(m.rss),
        heapTotal: mib(m.heapTotal),
        heapUsed: mib(m.heapUsed),
        external: mib(m.external),
        arrayBuffers: mib(m.arrayBuffers),
      },
    };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(stats));
    fs.renameSync(`${file}.tmp`, file);
    loop.reset();
  });
}
