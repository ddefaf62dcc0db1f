/** Requests per minute and per address, in each server process (decision 013). */
export const API_REQUESTS_PER_MINUTE = 300
export const MAX_PER_PAGE = 100
