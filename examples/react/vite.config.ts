import { defineConfig } from 'vite'

// No React plugin: Vite compiles TSX with the automatic JSX runtime of tsconfig.json ("jsx").
// Fast Refresh is the only thing @vitejs/plugin-react would add, and this page does not need it.
export default defineConfig({
  // Relative URLs, so dist/ works from any path (the e2e suite serves it under /react/).
  base: './',
  build: { target: 'es2022' },
})
