import { defineConfig } from 'vite';

/**
 * The plain-Node programs: the `duban` command line. Dependencies stay external (sql.js finds its
 * WebAssembly beside itself in node_modules); JSON catalogues are bundled.
 */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'src/cli/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
