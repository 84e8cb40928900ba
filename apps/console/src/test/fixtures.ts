// Objects as the admin API sends them, with overrides per test.
import { DEFAULT_RATE_LIMITS } from '@parley/core/limits'
import type {
  AdminAppeal,
  AdminComment,
  AdminExpert,
  AdminNotice,
  AdminPoll,
  AdminSite,
  AdminThread,
  AuditEntry,
  Ban,
  Invitation,
  ModeratedComment,
} from '@parley/core'

const T = '2026-11-20T10:00:00.000Z'

export function adminComment(id: string, overrides: Partial<AdminComment> = {}): AdminComment {
  return {
    id: `c_${id.padEnd(10, '0')}`,
    parentId: null,
    thread: { key: 'europe-trafficking', title: 'Trafficking in Europe' },
    author: { name: `Author ${id}`, readerId: `r_${id.padEnd(10, '0')}`, badges: [] },
    text: `Text of ${id}`,
    html: `<p>Text of ${id}</p>`,
    lang: 'en',
    status: 'pending',
    verdict: {
      decision: 'hold',
      score: 1,
      reasons: [{ signal: 'banned_term', detail: 'matched "scum"', weight: 1 }],
    },
    reportCount: 0,
    reportReasons: {},
    pinned: false,
    deleted: false,
    createdAt: T,
    editedAt: null,
    reviewedAt: null,
    removal: null,
    revisionCount: 0,
    replyCount: 0,
    ...overrides,
  }
}

export function expert(id: string, overrides: Partial<AdminExpert> = {}): AdminExpert {
  return {
    id: `x_${id.padEnd(10, '0')}`,
    name: `Expert ${id}`,
    title: 'Member of the European Parliament',
    organisation: 'European Parliament',
    photoUrl: null,
    createdAt: T,
    archivedAt: null,
    responseCount: 0,
    ...overrides,
  }
}

export function invitation(id: string, overrides: Partial<Invitation> = {}): Invitation {
  const x = expert('a')
  return {
    id: `xi_${id.padEnd(10, '0')}`,
    url: `http://127.0.0.1/admin/answer#tok-${id}`,
    commentId: 'c_a000000000',
    threadKey: 'europe-trafficking',
    question: { authorName: 'Elga', text: 'Who is most at risk?' },
    expert: {
      id: x.id,
      name: x.name,
      title: x.title,
      organisation: x.organisation,
      photoUrl: null,
    },
    createdAt: T,
    expiresAt: '2026-11-27T10:00:00.000Z',
    answeredAt: null,
    revokedAt: null,
    status: 'open',
    ...overrides,
  }
}

export function ban(id: string, overrides: Partial<Ban> = {}): Ban {
  return {
    id: `b_${id.padEnd(10, '0')}`,
    kind: 'reader',
    subject: 'r_a000000000',
    commentId: 'c_a000000000',
    shadow: false,
    reason: 'Repeated insults',
    createdBy: 'owner',
    createdAt: T,
    expiresAt: null,
    liftedAt: null,
    active: true,
    ...overrides,
  }
}

export const moderated = (overrides: Partial<ModeratedComment> = {}): ModeratedComment => ({
  id: 'c_a000000000',
  thread: 'europe-trafficking',
  authorName: 'Elga',
  excerpt: 'They should all be sent back',
  status: 'published',
  deleted: false,
  removal: null,
  ...overrides,
})

export function notice(id: string, overrides: Partial<AdminNotice> = {}): AdminNotice {
  return {
    id: `n_${id.padEnd(10, '0')}`,
    comment: moderated(),
    law: 'German Criminal Code § 130',
    explanation: 'Incitement to hatred against a group',
    name: 'Jan',
    email: 'jan@example.org',
    status: 'open',
    decision: null,
    createdAt: T,
    decidedAt: null,
    ...overrides,
  }
}

export function appeal(overrides: Partial<AdminAppeal> = {}): AdminAppeal {
  return {
    comment: moderated({
      status: 'removed',
      removal: { reason: 'hate', statement: 'Hate speech', removedAt: T },
    }),
    text: 'I only quoted a politician',
    status: 'open',
    decision: null,
    createdAt: T,
    decidedAt: null,
    ...overrides,
  }
}

export function thread(key: string, overrides: Partial<AdminThread> = {}): AdminThread {
  return {
    key,
    title: `Title of ${key}`,
    commentCount: 3,
    pendingCount: 1,
    settings: { reactions: null },
    createdAt: T,
    ...overrides,
  }
}

export function poll(id: string, overrides: Partial<AdminPoll> = {}): AdminPoll {
  return {
    id,
    thread: 'europe-trafficking',
    question: 'Should Europe do more?',
    kind: 'single',
    maxChoices: 1,
    opensAt: null,
    closesAt: null,
    status: 'open',
    resultsVisibility: 'always',
    allowVoteChange: true,
    options: [
      { id: 'o_1', label: 'Yes', position: 0, hidden: false, votes: 2, percent: 67 },
      { id: 'o_2', label: 'No', position: 1, hidden: false, votes: 1, percent: 33 },
      { id: 'o_3', label: 'Not sure', position: 2, hidden: false, votes: 0, percent: 0 },
    ],
    totalVotes: 3,
    voters: 3,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  }
}

export function site(overrides: Partial<AdminSite> = {}): AdminSite {
  return {
    id: 'demo',
    name: 'Open Chamber',
    allowedOrigins: ['https://news.example'],
    settings: {
      reactions: { set: ['👍', '❤️'], showCounts: true, inRanking: true },
      showStances: true,
      uiLanguages: [],
      moderation: {
        mode: 'post',
        bannedTerms: ['scum'],
        holdRules: {
          maxLinks: 2,
          shouting: true,
          repeatedCharacters: true,
          firstTimeReader: false,
          minSecondsBetweenComments: 10,
          reportThreshold: 3,
          holdScore: 1,
          rejectScore: 4,
        },
        classifier: false,
        tombstones: true,
        reviewExpertResponses: false,
      },
      rateLimits: structuredClone(DEFAULT_RATE_LIMITS),
      botChecks: { minSubmitSeconds: 2 },
      turnstile: { enabled: false, siteKey: '', votes: false },
      privacy: { erasure: 'delete', anonymousName: 'Anonymous', retentionDays: 30 },
      signIn: { comment: 'optional', vote: 'optional', react: 'optional', loginUrl: null },
    },
    ...overrides,
  }
}

export function auditEntry(id: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    actor: 'owner',
    actorName: null,
    actorRole: 'owner',
    action: 'comment.approve',
    targetType: 'comment',
    targetId: 'c_a000000000',
    reason: null,
    details: {},
    createdAt: T,
    ...overrides,
  }
}
