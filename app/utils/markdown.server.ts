import MarkdownIt from 'markdown-it'

// Raw HTML is disabled: it is escaped, never rendered. markdown-it also
// refuses javascript:, vbscript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

// The page's title is its only h1: "# Titre" in a description becomes an h2.
markdown.core.ruler.push('no_h1', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1') token.tag = 'h2'
  }
})

export function renderMarkdown(source: string): string {
  return markdown.render(source)
}
