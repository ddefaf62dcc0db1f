import type { Mail } from './mail.server.ts'

/**
 * The shape every alert and notification mail shares: a text part and an
 * HTML part built from the same paragraphs, and a footer with the link that
 * stops it. `unsubscribeUrl` (RFC 8058) answers a POST without a session:
 * mail providers call it from "Se désabonner" in their interface.
 */
export type MailBlock = { text: string } | { link: string; label: string } | { list: { text: string; href: string; detail: string }[] }

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

export function composeMail(input: {
  to: string
  subject: string
  blocks: MailBlock[]
  /** Where the reader changes what they receive (always shown). */
  preferencesUrl: string
  preferencesLabel: string
  /** One-click unsubscribe (List-Unsubscribe and List-Unsubscribe-Post headers). */
  unsubscribeUrl?: string
}): Mail {
  const text: string[] = []
  const html: string[] = []
  for (const block of input.blocks) {
    if ('text' in block) {
      text.push(block.text, '')
      html.push(`<p>${escapeHtml(block.text)}</p>`)
    } else if ('link' in block) {
      text.push(`${block.label} : ${block.link}`, '')
      html.push(`<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`)
    } else {
      for (const item of block.list) text.push(`- ${item.text}`, `  ${item.detail}`, `  ${item.href}`, '')
      html.push(
        '<ul>' +
          block.list
            .map((item) => `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.text)}</a><br>${escapeHtml(item.detail)}</li>`)
            .join('') +
          '</ul>',
      )
    }
  }
  text.push('--', `${input.preferencesLabel} : ${input.preferencesUrl}`)
  html.push(`<hr><p style="font-size:90%"><a href="${escapeHtml(input.preferencesUrl)}">${escapeHtml(input.preferencesLabel)}</a></p>`)
  if (input.unsubscribeUrl && input.unsubscribeUrl !== input.preferencesUrl) {
    text.push(`Se désabonner en un clic : ${input.unsubscribeUrl}`)
    html.push(`<p style="font-size:90%"><a href="${escapeHtml(input.unsubscribeUrl)}">Se désabonner en un clic</a></p>`)
  }
  return {
    to: input.to,
    subject: input.subject,
    text: text.join('\n'),
    html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body>${html.join('\n')}</body></html>`,
    headers: input.unsubscribeUrl
      ? { 'List-Unsubscribe': `<${input.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {},
  }
}
