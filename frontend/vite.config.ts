/// <reference types="vitest/config" />
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

// The Go binary embeds frontend/dist with //go:embed, so dist/.gitkeep is
// tracked in git. Vite empties dist before every build; put it back after.
function keepDistPlaceholder(): Plugin {
  let outDir = ''
  return {
    name: 'wecom-bridge:keep-dist-gitkeep',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(join(outDir, '.gitkeep'), '')
    },
  }
}

export default defineConfig({
  // Relative asset URLs: the same build is served by Wails and by `serve` at /.
  base: './',
  plugins: [vue(), keepDistPlaceholder()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    // Element Plus is registered globally; it gets its own long-lived chunk.
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      output: {
        manualChunks: {
          'element-plus': ['element-plus', '@element-plus/icons-vue'],
          vue: ['vue', 'vue-router', 'pinia', 'vue-i18n'],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    mockReset: true,
    unstubGlobals: true,
    // A guard against a hung test, not a speed target: mounting Element Plus
    // pages takes seconds on a loaded 2-core machine (5 s, the default, failed there).
    testTimeout: 30_000,
  },
})
