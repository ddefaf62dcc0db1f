/** Requests per minute and per address, in each server process, unless API_RATE_LIMIT says otherwise (decision 013). */
export const API_REQUESTS_PER_MINUTE = 300
export const MAX_PER_PAGE = 100
