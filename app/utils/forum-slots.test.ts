import { expect, it } from 'vitest'
import { slotCount, slotRange, slotStart } from './forum-slots.ts'

const forum = { opens_at: '09:00', closes_at: '12:30', slot_minutes: 20 }

it('starts slot n at the opening time plus n slot lengths', () => {
  expect(slotStart(forum, 0)).toBe('09:00')
  expect(slotStart(forum, 1)).toBe('09:20')
  expect(slotStart(forum, 3)).toBe('10:00')
  expect(slotStart({ ...forum, opens_at: '8:45', slot_minutes: 15 }, 5)).toBe('10:00')
  expect(slotRange(forum, 2)).toBe('09:40–10:00')
})

it('counts only whole slots before closing', () => {
  expect(slotCount(forum)).toBe(10)
  expect(slotCount({ ...forum, closes_at: '09:10' })).toBe(0)
  expect(slotCount({ ...forum, closes_at: '08:00' })).toBe(0)
})
