import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (m=19 MiB, t=2, p=1): OWASP's baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verified against even when the e-mail is unknown, so both answers take as long.
const UNKNOWN_USER_HASH = hash('passerelle-unknown-user')

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await UNKNOWN_USER_HASH)
  const valid = await verify(target, password).catch(() => false)
  return valid && passwordHash !== undefined
}
