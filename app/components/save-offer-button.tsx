import { useEffect, useState } from 'react'
import { useFetcher, useLocation } from 'react-router'

/**
 * "Sauvegarder" for a signed-in candidate: a real form posting to
 * /offres/:slug/sauvegarder, which comes back to this page without
 * JavaScript. Once hydrated, a fetcher sends it and the button changes in
 * place (the hidden `fetcher` field asks the action for data, not a redirect).
 *
 * Inside another form (the search page's filters are one form around the
 * results), forms cannot nest: the card renders the button alone, tied by
 * `form=` to a `SaveOfferForm` rendered after the outer form. Both read the
 * same keyed fetcher.
 */
const fetcherKey = (slug: string) => `sauvegarder-${slug}`

export function SaveOfferForm({ slug, formId, children }: { slug: string; formId?: string; children?: React.ReactNode }) {
  const fetcher = useFetcher({ key: fetcherKey(slug) })
  const location = useLocation()
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const back = new URLSearchParams(location.search)
  back.delete('fait')
  const redirectTo = `${location.pathname}${back.size ? `?${back}` : ''}`
  return (
    <fetcher.Form method="post" action={`/offres/${slug}/sauvegarder`} className="save-offer" id={formId} preventScrollReset>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {hydrated ? <input type="hidden" name="fetcher" value="1" /> : null}
      {children}
    </fetcher.Form>
  )
}

export function SaveOfferButton({ slug, title, saved, formId }: { slug: string; title: string; saved: boolean; formId?: string }) {
  const fetcher = useFetcher<{ saved: boolean | null }>({ key: fetcherKey(slug) })
  // Optimistic: the intent being sent, then the answer, then what the page was rendered with.
  const pending = fetcher.formData?.get('intent')
  const isSaved = pending ? pending === 'save' : (fetcher.data?.saved ?? saved)
  const button = (
    <button type="submit" name="intent" value={isSaved ? 'unsave' : 'save'} form={formId} className="button button--secondary save-offer__button">
      <span aria-hidden="true">{isSaved ? '★ ' : '☆ '}</span>
      {isSaved ? 'Retirer des sauvegardes' : 'Sauvegarder'}
      <span className="visually-hidden"> : {title}</span>
    </button>
  )
  return formId ? button : <SaveOfferForm slug={slug}>{button}</SaveOfferForm>
}
