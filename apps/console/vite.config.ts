import { defineConfig } from 'vite'

// Two pages, served by the Worker's static assets under /admin/ (apps/worker/scripts/build-assets.ts
// copies dist/ to .assets/admin/): index.html, the console, and answer.html, the page an invited
// expert opens (/admin/answer#<token>). The CSP there allows only scripts and styles from the
// origin itself: Vite's output is external module scripts and stylesheets, no inline code.
export default defineConfig({
  base: '/admin/',
  resolve: {
    // Lit's production build, also under vitest.
    conditions: ['module', 'browser', 'production'],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser that runs the console supports modulepreload: no polyfill in the bundle.
    modulePreload: { polyfill: false },
    // No data: URLs for assets: everything is a file of the origin.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { index: 'index.html', answer: 'answer.html' },
    },
  },
})
