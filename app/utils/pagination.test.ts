import fc from 'fast-check'
import { expect, it } from 'vitest'
import { INVALID_PAGE, pageOf, pageParam } from './pagination.ts'

it('reads a page number, 1 when absent, and refuses anything else in French', () => {
  expect(pageParam.parse(undefined)).toBe(1)
  expect(pageParam.parse('3')).toBe(3)
  for (const bad of ['0', '-1', 'abc', '1.5', '', ' 2', '1e3', '0x10', '999999']) {
    const result = pageParam.safeParse(bad)
    expect(result.success, bad).toBe(false)
    expect(result.error!.issues[0]!.message).toBe(INVALID_PAGE)
  }
})

it('cuts the list into pages and gives the last page for a page past the end', () => {
  const items = Array.from({ length: 12 }, (_, i) => i)
  expect(pageOf(items, 1, 5)).toEqual({ items: [0, 1, 2, 3, 4], page: 1, pageCount: 3, total: 12, first: 1 })
  expect(pageOf(items, 3, 5)).toEqual({ items: [10, 11], page: 3, pageCount: 3, total: 12, first: 11 })
  expect(pageOf(items, 40, 5).page).toBe(3)
  expect(pageOf([], 2, 5)).toEqual({ items: [], page: 1, pageCount: 1, total: 0, first: 1 })
})

it('walking every page shows each item exactly once, in order', () => {
  fc.assert(fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), (items, perPage) => {
    const { pageCount } = pageOf(items, 1, perPage)
    const seen = Array.from({ length: pageCount }, (_, i) => pageOf(items, i + 1, perPage).items).flat()
    expect(seen).toEqual(items)
  }))
})
