/**
 * The yardstick: a Fastify hello-world on the same machine, in the same run. DESIGN.md states
 * its targets relative to it. Listens on PORT (127.0.0.1) until SIGTERM.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
// The parent going away (even by SIGKILL) must not leave this server running.
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
