import { z } from 'zod'
import clermontFerrand from './regions/clermont-ferrand.json' with { type: 'json' }
import littoral from './regions/littoral-hauts-de-france.json' with { type: 'json' }
import montpellier from './regions/montpellier.json' with { type: 'json' }
import sophiaAntipolis from './regions/sophia-antipolis.json' with { type: 'json' }

/**
 * A region is data: one JSON file under db/reference/regions/ per cluster's
 * deployment, checked by this schema when the module loads. `REGION` picks the
 * one a board serves. Territories group EPCI (intercommunalités) or whole
 * departments; the membership of every commune comes from the official lists
 * (db/reference/data/communes.tsv.gz).
 */
const slug = z.string().regex(/^[a-z0-9-]{2,80}$/)
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/)
const department = z.string().regex(/^(\d{2,3}|2[AB])$/)

export const OUTSIDE_TERRITORY_SLUG = 'hors-territoire'

const RegionSchema = z.object({
  slug,
  name: z.string().min(2),
  /** The region's own departments: the demo's "nearby" communes lie there. */
  departments: z.array(department).min(1),
  clusters: z.array(z.object({ slug, name: z.string().min(2) })).min(1),
  territories: z
    .array(
      z
        .object({
          slug: slug.refine((s) => s !== OUTSIDE_TERRITORY_SLUG, 'réservé aux offres hors territoire'),
          name: z.string().min(2),
          epci: z.array(z.string().regex(/^\d{9}$/)).default([]),
          departments: z.array(department).default([]),
          note: z.string().optional(),
        })
        .refine((t) => t.epci.length + t.departments.length > 0, 'un territoire groupe au moins un EPCI ou un département'),
    )
    .min(1),
  /** Where a map of the region opens, and the commune a radius search starts from by default. */
  centre: z.object({ commune: insee, latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }),
  /** What the deterministic demo (db/seed) writes for this region. */
  demo: z.object({
    /** "la Côte d’Opale", as in "sans quitter la Côte d’Opale". */
    homeName: z.string().min(2),
    seaside: z.boolean(),
    searchExample: z.string().min(2),
    companyNamePrefixes: z.array(z.string().min(2)).min(10),
    /** Family names common in the region ("Delattre Informatique"); the Nord's by default. */
    familyNames: z.array(z.string().min(2)).min(10).optional(),
    /** One school per demo training (db/seed/candidates.ts TRAININGS), in the same order. */
    schools: z.array(z.string().min(2)).length(10),
    forum: z.object({ slug, name: z.string().min(2), venue: z.string().min(2) }),
    candidate: z.object({ school: z.string().min(2), bio: z.string().min(2) }),
    /** Where demo companies, offers and candidates live: communes of the territories, then a few nearby. */
    communes: z.array(insee).min(5),
  }),
})

export type RegionDefinition = z.infer<typeof RegionSchema>

function parseRegion(file: string, raw: unknown): RegionDefinition {
  const result = RegionSchema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Région invalide (db/reference/regions/${file}.json) :\n${problems}`)
  }
  return result.data
}

export const regions: RegionDefinition[] = [
  parseRegion('littoral-hauts-de-france', littoral),
  parseRegion('sophia-antipolis', sophiaAntipolis),
  parseRegion('montpellier', montpellier),
  parseRegion('clermont-ferrand', clermontFerrand),
]

export const REGION_SLUGS = regions.map((r) => r.slug) as [string, ...string[]]
export const DEFAULT_REGION_SLUG = 'littoral-hauts-de-france'

export function regionDefinition(slug: string): RegionDefinition {
  const region = regions.find((r) => r.slug === slug)
  if (!region) throw new Error(`Région inconnue : ${slug} (valeurs possibles : ${REGION_SLUGS.join(', ')})`)
  return region
}
