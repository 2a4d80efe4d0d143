import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { markUIReady } from './api'
import { createAppI18n } from './locales'
import { createAppRouter } from './router'
import './styles/app.css'

createApp(App).use(createPinia()).use(createAppRouter()).use(createAppI18n()).use(ElementPlus).mount('#app')

// Tell the backend the first paint is done (smoke test and cold-start bench).
requestAnimationFrame(() => { markUIReady().catch(() => { /* no backend (unit tests, static preview) */ }) })
