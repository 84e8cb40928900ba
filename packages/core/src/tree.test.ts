import type { Comment } from './comment.ts'
import { describe, expect, it } from 'vitest'
import { nestReplies } from './tree.ts'

const comment = (id: string, parentId: string | null = null): Comment => ({
  id,
  parentId,
  author: { name: 'A', badges: [] },
  text: id,
  html: `<p>${id}</p>`,
  lang: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  deleted: false,
  status: 'published',
  removal: null,
  pinned: false,
  expertResponses: [],
  reactions: {},
  myReaction: null,
  mine: false,
  editableUntil: null,
  stance: null,
  replyCount: 0,
  descendantCount: 0,
  replies: [],
})

describe('nestReplies', () => {
  it('puts replies under their parents at every depth, keeping their order', () => {
    const [a, b] = [comment('c_a'), comment('c_b')]
    const replies = [
      comment('c_a1', 'c_a'),
      comment('c_a1x', 'c_a1'),
      comment('c_a2', 'c_a'),
      comment('c_b1', 'c_b'),
    ]
    const tree = nestReplies([a, b], replies)
    expect(tree.map((c) => c.id)).toEqual(['c_a', 'c_b'])
    expect(tree[0]!.replies.map((c) => c.id)).toEqual(['c_a1', 'c_a2'])
    expect(tree[0]!.replies[0]!.replies.map((c) => c.id)).toEqual(['c_a1x'])
    expect(tree[1]!.replies.map((c) => c.id)).toEqual(['c_b1'])
  })

  it('attaches a reply that arrives before its parent in the list', () => {
    const tree = nestReplies([comment('c_a')], [comment('c_a11', 'c_a1'), comment('c_a1', 'c_a')])
    expect(tree[0]!.replies[0]!.replies.map((c) => c.id)).toEqual(['c_a11'])
  })

  it('leaves out replies whose parent is not in the page', () => {
    const tree = nestReplies([comment('c_a')], [comment('c_x1', 'c_missing')])
    expect(tree[0]!.replies).toEqual([])
  })
})
