/**
 * What a recruiter copies to show the company's offers on its own site: the iframe of /integrer/offres (kept
 * up to date by the board), or plain HTML links, without iframe or script, to paste where frames are refused.
 */
export type WidgetCodeProps = {
  origin: string
  company: { slug: string; name: string }
  offers: { slug: string; title: string }[]
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function widgetSnippets({ origin, company, offers }: WidgetCodeProps) {
  const name = escapeHtml(company.name)
  const iframe = `<iframe src="${origin}/integrer/offres?entreprise=${company.slug}" title="Offres de ${name} sur Passerelle" width="100%" height="420" loading="lazy" style="border:0"></iframe>`
  const links = [
    `<ul>`,
    ...offers.map((o) => `  <li><a href="${origin}/offres/${o.slug}">${escapeHtml(o.title)}</a></li>`),
    `</ul>`,
    `<p><a href="${origin}/entreprises/${company.slug}">Toutes les offres de ${name} sur Passerelle</a></p>`,
  ].join('\n')
  return { iframe, links }
}

export function WidgetCode(props: WidgetCodeProps) {
  const { iframe, links } = widgetSnippets(props)
  return (
    <section className="widget-code" aria-labelledby="integrer">
      <h2 id="integrer">Vos offres sur votre site</h2>
      <div className="field">
        <label htmlFor="code-iframe">Cadre toujours à jour (iframe, sans script) — votre site doit être autorisé par l’équipe de Passerelle</label>
        <textarea id="code-iframe" readOnly rows={4} value={iframe} />
      </div>
      <div className="field">
        <label htmlFor="code-liens">Liens en HTML simple (ni cadre ni script) — la liste de ce jour, à recopier quand vos offres changent</label>
        <textarea id="code-liens" readOnly rows={Math.min(12, props.offers.length + 4)} value={links} />
      </div>
      <p><a href={`/integrer/offres?entreprise=${props.company.slug}`}>Aperçu du cadre</a></p>
    </section>
  )
}
