import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('offres', 'routes/offers.tsx'),
  route('offres/:slug', 'routes/offer.tsx'),
  route('entreprises/:slug', 'routes/company.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
