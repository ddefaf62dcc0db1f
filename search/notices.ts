import { MAX_QUERY_WORDS } from './text.ts'

/**
 * What a search tells the user it adjusted or ignored. Both engines say it
 * with the same words, so switching engines changes nothing on the page.
 */
export const NOTICE = {
  wordsTruncated: `Seuls les ${MAX_QUERY_WORDS} premiers mots de la recherche sont pris en compte.`,
  noUsableWord: 'Votre recherche ne contient aucun mot exploitable : toutes les offres sont affichées.',
  unknownCommune: 'Commune inconnue ou non localisée : la recherche autour d’une commune est ignorée.',
  distanceNeedsCommune: 'Le tri par distance demande une commune : tri par date.',
  pageBeyondLast: (page: number) => `La page ${page} n’existe pas : dernière page affichée.`,
  relaxed: (fewer: number) =>
    `Moins de ${fewer} offres contiennent tous vos mots : suivent celles qui en contiennent une partie, les mots les plus rares comptant le plus.`,
} as const
