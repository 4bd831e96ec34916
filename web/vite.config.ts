/** Vite build of the web app: root is web/, output web/dist, API proxied to the local server in dev. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Import aliases: `@/lib/x.js` is web/src/lib/x.ts, `@core/dates/x.js` is core/dates/x.ts. */
export const webAliases = [
  { find: /^@\//, replacement: `${fileURLToPath(new URL('./src/', import.meta.url))}` },
  { find: /^@core\//, replacement: `${fileURLToPath(new URL('../core/', import.meta.url))}` },
];

export default defineConfig(({ mode }) => {
  // LIAISON_API_URL points the dev server's /api proxy at another server (default: port 8080).
  const env = loadEnv(mode, repoRoot, 'LIAISON_');
  const apiTarget = env.LIAISON_API_URL ?? 'http://127.0.0.1:8080';
  return {
    root: webRoot,
    plugins: [react()],
    // The same `@/` (web/src) and `@core/` (core) aliases as tsconfig.json, vitest.config.ts and ESLint.
    resolve: { alias: webAliases },
    server: {
      port: 5173,
      // The web app imports pure modules from ../core.
      fs: { allow: [repoRoot] },
      proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    },
    build: {
      outDir: fileURLToPath(new URL('./dist', import.meta.url)),
      emptyOutDir: true,
      sourcemap: true,
      chunkSizeWarningLimit: 400,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                // Charts (the plan dashboard) load with the page that shows them, not with the shell.
                name: 'charts',
                // Lowest priority: React and Mantine stay in their own chunks, recharts' helpers come along.
                test: /node_modules[\\/](@mantine[\\/]charts|recharts)[\\/]/,
                priority: 1,
              },
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
                priority: 4,
              },
              {
                name: 'mantine',
                test: /node_modules[\\/](@mantine[\\/](?!charts)[a-z]+|@floating-ui)[\\/]/,
                priority: 3,
              },
              {
                name: 'data',
                test: /node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]/,
                priority: 2,
              },
            ],
          },
        },
      },
    },
  };
});
