// The demo debate: site, thread, poll and reader comments, written for Parley in its own words.
// apps/worker/scripts/seed.ts turns this into SQL for the local D1.

export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '😠'] as const
export type Reaction = (typeof REACTIONS)[number]

export interface DemoComment {
  /** Local reference, unique in this file; replies point at it with `parent`. */
  ref: string
  parent?: string
  author: string
  text: string
  /** BCP 47 language of the text. */
  lang: 'en' | 'fr' | 'nl' | 'de'
  /** How long before seeding the comment was written; keeps "2 hours ago" realistic. */
  minutesAgo: number
  reactions?: Partial<Record<Reaction, number>>
  /** Marks hostile, xenophobic or spam comments for the moderation demo (issue 5). */
  hostile?: boolean
}

export const demoSite = {
  id: 'demo',
  name: 'Parley demo debate',
  origins: ['http://localhost:8787', 'http://127.0.0.1:8787'],
}

export const demoThread = {
  key: 'europe-human-trafficking',
  title: 'How can Europe combat human trafficking?',
}

export const demoPoll = {
  key: 'origin-countries',
  question:
    'Should European countries do more to combat the causes of trafficking in the countries of origin?',
  options: ['Yes', 'No', 'Not sure'],
}

export const demoComments: DemoComment[] = [
  {
    ref: 'placeholder',
    author: 'Parley',
    text: 'Placeholder until the demo content lands.',
    lang: 'en',
    minutesAgo: 5,
  },
]
