import type { DB } from '../connection.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from './factories.ts'
import { addTestForumCandidate, addTestForumCompany } from './forum-factories.ts'

/**
 * People for a planning test, added to an existing forum: three accepted
 * companies bringing one offer each (React, Python, Java), one invited
 * company, eight consenting candidates with accented names and matching
 * skills, one candidate who never consented (she matches React perfectly and
 * must never be scheduled nor shown), and wishes from both sides.
 */
export async function addPlanningPeople(db: DB, forumId: number, tag: string) {
  const now = new Date().toISOString()
  const company = (name: string) => createTestCompany(db, { name: `${name} ${tag}` })
  const opale = await company('Opale Numérique')
  const data = await company('Côte d’Opale Data')
  const beffroi = await company('Beffroi Logiciels')
  const invited = await company('Invitée')
  const offers = {
    react: await createTestOffer(db, { companyId: opale.id, title: 'Développeur·se React', skills: [{ slug: 'react', required: true }, { slug: 'typescript', required: false }] }),
    python: await createTestOffer(db, { companyId: data.id, title: 'Data engineer Python', skills: [{ slug: 'python', required: true }, { slug: 'sql', required: false }] }),
    java: await createTestOffer(db, { companyId: beffroi.id, title: 'Développeur·se Java', skills: [{ slug: 'java', required: true }] }),
  }
  await addTestForumCompany(db, forumId, opale.id, 'accepted', [offers.react.id])
  await addTestForumCompany(db, forumId, data.id, 'accepted', [offers.python.id])
  await addTestForumCompany(db, forumId, beffroi.id, 'accepted', [offers.java.id])
  await addTestForumCompany(db, forumId, invited.id, 'invited')

  const people: [string, string, { slug: string; level: number }[]][] = [
    ['Zoé', 'Lefèvre', [{ slug: 'react', level: 4 }, { slug: 'typescript', level: 3 }]],
    ['Léa', 'Martin', [{ slug: 'python', level: 3 }, { slug: 'sql', level: 3 }]],
    ['Anaïs', 'Dubœuf', [{ slug: 'java', level: 3 }, { slug: 'react', level: 2 }]],
    ['Jérôme', 'Caron', [{ slug: 'python', level: 4 }, { slug: 'java', level: 2 }]],
    ['Maëlys', 'Évrard', [{ slug: 'react', level: 3 }, { slug: 'python', level: 2 }]],
    ['Noël', 'Béthune', [{ slug: 'java', level: 4 }]],
    ['Inès', 'Lemaître', [{ slug: 'typescript', level: 4 }, { slug: 'react', level: 3 }, { slug: 'sql', level: 2 }]],
    ['Théo', 'Façade', [{ slug: 'python', level: 2 }, { slug: 'react', level: 1 }, { slug: 'java', level: 1 }]],
  ]
  const candidates: { id: number; email: string; name: string }[] = []
  for (const [firstName, lastName, skills] of people) {
    const c = await createTestCandidate(db, { firstName, lastName, skills })
    await addTestForumCandidate(db, forumId, c.id)
    candidates.push({ ...c, name: `${firstName} ${lastName}` })
  }
  const secret = await createTestCandidate(db, { firstName: 'Secrète', lastName: 'Sansconsentement', skills: [{ slug: 'react', level: 4 }, { slug: 'typescript', level: 4 }] })
  await addTestForumCandidate(db, forumId, secret.id, false)

  const wish = (companyId: number, candidateId: number, by: 'company' | 'candidate') =>
    ({ forum_id: forumId, company_id: companyId, candidate_id: candidateId, by, created_at: now })
  await db.insertInto('forum_wishes').values([
    wish(opale.id, candidates[0]!.id, 'company'),
    wish(opale.id, candidates[0]!.id, 'candidate'),
    wish(data.id, candidates[1]!.id, 'candidate'),
    // A wish with no skill in common: it must still be scheduleable.
    wish(beffroi.id, candidates[4]!.id, 'candidate'),
    wish(opale.id, secret.id, 'candidate'),
  ]).execute()
  return { companies: { opale, data, beffroi, invited }, offers, candidates, secret }
}
