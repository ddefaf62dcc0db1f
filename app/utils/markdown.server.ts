import MarkdownIt from 'markdown-it'

// Raw HTML is disabled: it is escaped, never rendered. markdown-it also
// refuses javascript:, vbscript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

export function renderMarkdown(source: string): string {
  return markdown.render(source)
}
