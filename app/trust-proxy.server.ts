import { isIP } from 'node:net'

/**
 * What Express's `trust proxy` setting receives: false (trust no one), a hop
 * count, or the proxies' addresses/CIDRs (Express 5 also knows the names
 * `loopback`, `linklocal` and `uniquelocal`). `true` (trust any peer) is refused:
 * anyone could then claim any address and walk past the rate limits.
 */
export type TrustProxy = false | number | string[]

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrCidr(entry: string): boolean {
  if (NAMED.has(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  if (!/^\d{1,3}$/.test(bits)) return false
  return Number(bits) <= (version === 4 ? 32 : 128)
}

/** The parsed value, or a French message saying what is accepted. */
export function parseTrustProxy(raw: string): { value: TrustProxy } | string {
  const value = raw.trim()
  if (value === 'false' || value === '0') return { value: false }
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return hops <= 10 ? { value: hops } : 'au plus 10 relais'
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean)
  if (entries.length > 0 && entries.every(isAddressOrCidr)) return { value: entries }
  return 'false, un nombre de relais (1 pour un nginx devant la board), ou des adresses/CIDR séparés par des virgules (127.0.0.1,10.0.0.0/8, loopback)'
}
