import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [reactRouter()],
  build: {
    // The server bundle keeps native and large dependencies external.
    target: 'es2022',
  },
})
