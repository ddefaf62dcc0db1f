import { writeReadableStreamToWritable } from '@react-router/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { createRequestHandler, type AppLoadContext, type ServerBuild } from 'react-router'
import { carriesSession } from '#app/utils/session-cookie.ts'
import { reject } from './reject.ts'
import { readForm } from './request-guard.ts'

/**
 * @react-router/express's handler, with two differences: a POST body reaches
 * React Router only once read within its limits as a form (server/request-guard.ts),
 * and signed-in answers are never stored by a cache (Cache-Control: private, no-store).
 */
export function reactRouterHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: 'development' | 'production'
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext
}) {
  const handleRequest = createRequestHandler(options.build, options.mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const controller = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      const headers = new Headers()
      for (const [key, values] of Object.entries(req.headers)) {
        if (values === undefined) continue
        for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
      }
      const init: RequestInit = { method: req.method, headers, signal: controller.signal }
      if (req.method === 'POST') {
        const form = await readForm(req)
        if (!form.ok) return reject(req, res, form.status, form.message, { close: form.close })
        // The body is re-encoded from the clean form: its own type (and boundary) and length.
        headers.delete('Content-Type')
        headers.delete('Content-Length')
        headers.delete('Transfer-Encoding')
        init.body = form.body
      }
      const url = new URL(`${req.protocol}://${req.host}${req.originalUrl}`)
      const response = await handleRequest(new Request(url, init), options.getLoadContext(req, res))
      if (res.destroyed || res.writableEnded) {
        await response.body?.cancel()
        return
      }
      res.statusMessage = response.statusText
      res.status(response.status)
      for (const [key, value] of response.headers.entries()) res.append(key, value)
      if (carriesSession(req.get('Cookie')) || response.headers.has('Set-Cookie')) res.set('Cache-Control', 'private, no-store')
      // Every 429 says when to come back; the routes pass their exact delay (app/utils/retry-after.ts), this is the net.
      if (response.status === 429 && !response.headers.has('Retry-After')) res.set('Retry-After', '60')
      if (response.body) await writeReadableStreamToWritable(response.body, res)
      else res.end()
    } catch (error) {
      next(error)
    }
  }
}
