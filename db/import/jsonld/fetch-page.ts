import { lookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Fetches a career page for the JSON-LD importer without letting a company's URL reach
 * inside the server's network (SSRF, decision 012): http(s) only, no credentials in the
 * URL, every address the name resolves to must be public (loopback, private, link-local,
 * CGNAT, multicast, reserved and their IPv6 forms are refused), and the connection goes to
 * the address that was checked (no second resolution a DNS rebinding could change). At most
 * 3 redirects, each checked the same way; 10 s and 2 MB at most.
 */
export const PAGE_LIMITS = { bytes: 2 * 1024 * 1024, timeoutMs: 10_000, redirects: 3 }

const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96],
  // 6to4 and Teredo carry an IPv4 address inside, private ones included.
  ['2002::', 16], ['2001::', 32],
] as const) blocked.addSubnet(network, prefix, 'ipv6')

export function isPublicAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return !blocked.check(address, 'ipv4')
  if (family !== 6) return false
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return isPublicAddress(mapped[1]!)
  return !blocked.check(address, 'ipv6')
}

export class PageError extends Error {}

export type FetchOptions = {
  /** Only for tests against a local HTTP server: addresses allowed although not public. */
  allowAddress?: (address: string) => boolean
}

export async function fetchPage(url: string, options: FetchOptions = {}): Promise<{ html: string; url: string }> {
  let current = parseUrl(url)
  for (let hop = 0; hop <= PAGE_LIMITS.redirects; hop++) {
    const answer = await requestOnce(current, options)
    if ('location' in answer) {
      current = parseUrl(new URL(answer.location, current).toString())
      continue
    }
    return { html: answer.body, url: current.toString() }
  }
  throw new PageError('La page redirige trop de fois (plus de 3).')
}

function parseUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new PageError('Adresse invalide : donnez une adresse complète, par exemple https://www.exemple.fr/carrieres.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PageError('Seules les adresses http:// et https:// sont acceptées.')
  if (url.username || url.password) throw new PageError('L’adresse ne doit pas contenir d’identifiant ni de mot de passe.')
  return url
}

async function checkedAddress(hostname: string, options: FetchOptions): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true })
  } catch {
    throw new PageError(`Le nom ${hostname} ne correspond à aucun serveur.`)
  }
  const refused = addresses.find((a) => !isPublicAddress(a.address) && !options.allowAddress?.(a.address))
  if (refused || addresses.length === 0) {
    throw new PageError('Cette adresse mène à un réseau privé ou local : seules les pages publiques d’Internet peuvent être lues.')
  }
  return addresses[0]!
}

async function requestOnce(url: URL, options: FetchOptions): Promise<{ location: string } | { body: string }> {
  const target = await checkedAddress(url.hostname, options)
  // The connection goes to the address just checked, whatever the name resolves to now.
  const pinned: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [target])
    else callback(null, target.address, target.family)
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      { lookup: pinned, timeout: PAGE_LIMITS.timeoutMs, headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'Passerelle-import/1.0' } },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume()
          resolve({ location: response.headers.location })
          return
        }
        if (status !== 200) {
          response.resume()
          reject(new PageError(`La page a répondu ${status} : vérifiez l’adresse.`))
          return
        }
        const type = response.headers['content-type'] ?? ''
        if (type && !/html|xml|json/i.test(type)) {
          response.resume()
          reject(new PageError(`Ce n’est pas une page HTML (${type.split(';')[0]}).`))
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > PAGE_LIMITS.bytes) {
            request.destroy()
            reject(new PageError('La page dépasse 2 Mo : donnez l’adresse de la page qui liste les offres.'))
          } else chunks.push(chunk)
        })
        response.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', () => reject(new PageError('La lecture de la page a échoué.')))
      },
    )
    const deadline = setTimeout(() => {
      request.destroy()
      reject(new PageError('La page n’a pas répondu en 10 secondes.'))
    }, PAGE_LIMITS.timeoutMs)
    request.on('close', () => clearTimeout(deadline))
    request.on('timeout', () => request.destroy(new PageError('La page n’a pas répondu en 10 secondes.')))
    request.on('error', (error) => reject(error instanceof PageError ? error : new PageError('Impossible de joindre cette page.')))
  })
}
