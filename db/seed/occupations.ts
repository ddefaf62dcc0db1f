import type { DB } from '../connection.ts'

/** ROME occupations: filled in by the occupations step (db/reference/derive-rome-occupations.ts). */
export async function seedOccupations(_db: DB): Promise<void> {}
