import { defineConfig } from 'vite';

/**
 * The plain-Node programs: the `duban` command line, the loopback bridge and the core's worker.
 * Dependencies stay external (sql.js finds its WebAssembly beside itself in node_modules);
 * JSON catalogues are bundled.
 */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/node',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'src/cli/main.ts', bridge: 'src/bridge/main.ts', 'core-worker': 'src/main/core-worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
