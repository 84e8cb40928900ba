import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    vue({
      // <parley-*> are custom elements, not Vue components: Vue renders them as they are and
      // passes their attributes and properties through.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('parley-') } },
    }),
  ],
  // Relative URLs, so dist/ works from any path (the e2e suite serves it under /vue/).
  base: './',
  build: { target: 'es2022' },
})
