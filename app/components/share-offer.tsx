import { useEffect, useState } from 'react'

/**
 * Share an offer without any third-party script: the address (selectable without JavaScript, copied by a
 * button once hydrated when the browser allows it), an e-mail through mailto:, and LinkedIn's share URL.
 */
export function shareLinks(url: string, title: string, company: string) {
  const subject = `Offre d’emploi : ${title} – ${company}`
  const body = `Cette offre pourrait vous intéresser :\n${title} chez ${company}\n${url}`
  return {
    mailto: `mailto:?${new URLSearchParams({ subject, body }).toString().replaceAll('+', '%20')}`,
    linkedIn: `https://www.linkedin.com/sharing/share-offsite/?${new URLSearchParams({ url })}`,
  }
}

export function ShareOffer({ url, title, company }: { url: string; title: string; company: string }) {
  const [canCopy, setCanCopy] = useState(false)
  const [copied, setCopied] = useState<'oui' | 'non' | null>(null)
  useEffect(() => setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), [])
  const links = shareLinks(url, title, company)
  const copy = () => {
    navigator.clipboard.writeText(url).then(() => setCopied('oui'), () => setCopied('non'))
  }
  return (
    <section aria-labelledby="partager" className="offer-page__share">
      <h2 id="partager">Partager cette offre</h2>
      <div className="field">
        <label htmlFor="lien-offre">Lien de l’offre</label>
        <input id="lien-offre" type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <p className="share-offer">
        {canCopy ? <button type="button" className="button button--secondary save-offer__button" onClick={copy}>Copier le lien</button> : null}
        <a href={links.mailto}>Envoyer par e-mail</a>
        <a href={links.linkedIn} rel="noopener noreferrer" target="_blank">
          Partager sur LinkedIn<span className="visually-hidden"> (nouvel onglet)</span>
        </a>
      </p>
      <p role="status" className="field__hint">{copied === 'oui' ? 'Lien copié.' : copied === 'non' ? 'Copie impossible : sélectionnez le lien ci-dessus.' : ''}</p>
    </section>
  )
}
