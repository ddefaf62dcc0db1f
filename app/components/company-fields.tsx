import type { FieldMetadata } from '@conform-to/react'
import { COMPANY_SIZES } from '#db/domain.ts'
import { NAF_CODES } from '#db/reference/naf.ts'
import type { CompanySchema } from '../utils/company-schema.ts'
import { CommuneField } from './commune-input.tsx'
import { Field, SelectField, TextAreaField } from './field.tsx'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's field metadata is invariant
type CompanyFieldsMeta = Record<keyof typeof CompanySchema.shape, FieldMetadata<any, any, string[]>>

/** The company's fields, the same when it is created and when it is edited. */
export function CompanyFields({
  fields,
  communeLabels,
  clusters,
}: {
  fields: CompanyFieldsMeta
  communeLabels: Record<string, string>
  clusters: { slug: string; name: string }[]
}) {
  return (
    <>
      <Field label="Nom de l’entreprise" meta={fields.name} type="text" autoComplete="organization" />
      <Field label="SIREN ou SIRET (facultatif)" meta={fields.siren} type="text" hint="9 ou 14 chiffres, espaces acceptés." />
      <SelectField
        label="Activité (code NAF)"
        meta={fields.nafCode}
        empty="Choisir…"
        options={NAF_CODES.map((n) => ({ value: n.code, label: `${n.code} – ${n.label}` }))}
      />
      <SelectField
        label="Taille"
        meta={fields.sizeBand}
        empty="Choisir…"
        options={COMPANY_SIZES.map((size) => ({ value: size, label: `${size} salarié·es` }))}
      />
      <CommuneField label="Commune" meta={fields.communeInsee} text={fields.communeText} labels={communeLabels} />
      <SelectField
        label="Membre d’un pôle numérique (facultatif)"
        meta={fields.clusterSlug}
        empty="Aucun"
        options={clusters.map((c) => ({ value: c.slug, label: c.name }))}
      />
      <Field label="Site web (facultatif)" meta={fields.website} type="text" autoComplete="url" />
      <TextAreaField label="Présentation" meta={fields.description} hint="Ce que fait l’entreprise, pour qui, et pourquoi y travailler." />
    </>
  )
}
