import { z } from 'zod'

// A safety net: any validation issue a schema did not word itself is still
// reported in French. Schemas keep their own, more helpful messages.
z.config(z.locales.fr())
