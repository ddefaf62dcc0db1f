import { Parser } from 'htmlparser2'

/**
 * The JSON-LD blocks of an HTML page (`<script type="application/ld+json">`) and the
 * JobPosting objects in them: top-level, in arrays, and in `@graph`. Blocks that are not
 * JSON are reported by their number, in French.
 */
export function jsonLdObjects(html: string): { postings: Record<string, unknown>[]; problems: string[]; blocks: number } {
  const blocks: string[] = []
  let current: string | null = null
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script' && /^application\/ld\+json\b/i.test((attributes.type ?? '').trim())) current = ''
      },
      ontext(text) {
        if (current !== null) current += text
      },
      onclosetag(name) {
        if (name === 'script' && current !== null) {
          blocks.push(current)
          current = null
        }
      },
    },
    { decodeEntities: false },
  )
  parser.write(html)
  parser.end()
  const postings: Record<string, unknown>[] = []
  const problems: string[] = []
  blocks.forEach((block, index) => {
    let json: unknown
    try {
      json = JSON.parse(block)
    } catch {
      problems.push(`Le bloc JSON-LD n° ${index + 1} n’est pas du JSON valide.`)
      return
    }
    collect(json, postings, 0)
  })
  return { postings, problems, blocks: blocks.length }
}

const isJobPosting = (type: unknown) =>
  type === 'JobPosting' || type === 'schema:JobPosting' || (Array.isArray(type) && type.some((t) => t === 'JobPosting'))

function collect(value: unknown, into: Record<string, unknown>[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1)
    return
  }
  const object = value as Record<string, unknown>
  if (isJobPosting(object['@type'])) into.push(object)
  else if ('@graph' in object) collect(object['@graph'], into, depth + 1)
  else if (object['@type'] === 'ItemList' && Array.isArray(object.itemListElement)) {
    collect(object.itemListElement.map((e) => (e && typeof e === 'object' && 'item' in e ? (e as { item: unknown }).item : e)), into, depth + 1)
  }
}

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'tr'])

/** A JobPosting's HTML description as plain paragraphs (entities decoded, tags dropped, lists as « - »). */
export function htmlToText(html: string): string {
  let text = ''
  const parser = new Parser({
    onopentag(name) {
      if (name === 'li') text += '\n- '
      else if (BLOCKS.has(name)) text += '\n\n'
    },
    ontext(chunk) {
      text += chunk.replace(/\s+/g, ' ')
    },
    onclosetag(name) {
      if (BLOCKS.has(name) && name !== 'li' && name !== 'br') text += '\n\n'
    },
  })
  parser.write(html)
  parser.end()
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
