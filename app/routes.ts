import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('offres', 'routes/offers.tsx'),
  route('offres/:slug', 'routes/offer.tsx'),
  route('entreprises/:slug', 'routes/company.tsx'),
  route('entreprises/:slug/logo', 'routes/company-logo.ts'),
  route('inscription', 'routes/signup.tsx'),
  route('connexion', 'routes/login.tsx'),
  route('deconnexion', 'routes/logout.tsx'),
  route('mot-de-passe-oublie', 'routes/forgot-password.tsx'),
  route('reinitialiser-mot-de-passe', 'routes/reset-password.tsx'),
  route('invitation', 'routes/invitation.tsx'),
  route('recruteur', 'routes/recruiter.tsx'),
  route('recruteur/entreprises/nouvelle', 'routes/recruiter-new-company.tsx'),
  route('recruteur/entreprises/:slug', 'routes/recruiter-company-edit.tsx'),
  route('recruteur/entreprises/:slug/equipe', 'routes/recruiter-team.tsx'),
  route('recruteur/entreprises/:slug/offres', 'routes/recruiter-company-offers.tsx'),
  route('recruteur/entreprises/:slug/offres/nouvelle', 'routes/recruiter-offer-new.tsx'),
  route('recruteur/offres/:id', 'routes/recruiter-offer-edit.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
