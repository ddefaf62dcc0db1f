import { expect, it } from 'vitest'
import { scheduleQuality } from './organiser-forum-planning.tsx'

it('says the schedule’s quality in plain French, with French number formatting', () => {
  expect(scheduleQuality(9004, 9004)).toBe('Planning optimal : 9\u202f004 points, le maximum possible.')
  expect(scheduleQuality(8950, 9004)).toBe('Planning à 99,4 % du maximum possible : 8\u202f950 points sur 9\u202f004 au plus.')
  // Never rounds up to a 100 % that is not reached.
  expect(scheduleQuality(99_999, 100_000)).toMatch(/^Planning à 99,9 % /)
  expect(scheduleQuality(0, 0)).toBe('Aucun entretien possible : ajoutez des candidat·es ou des offres.')
})
