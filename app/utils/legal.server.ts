import { parseLegalOperator, type LegalOperator } from '../env.server.ts'

let operator: LegalOperator | undefined
/** The operator of the board, as configured (checked with the rest of the environment at boot, app/env.server.ts). */
export function legalOperator(): LegalOperator {
  return (operator ??= parseLegalOperator(process.env))
}
