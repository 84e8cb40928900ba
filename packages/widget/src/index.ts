// Side-effect free: import '@parley/widget/define' to register the elements.
export { ParleyComment, COMMENT_PARTS } from './components/comment/comment.ts'
export { ParleyCommentForm } from './components/comment-form/comment-form.ts'
export { ParleyComments } from './components/comments/comments.ts'
export { ParleyCount } from './components/count/count.ts'
export { ParleyDiscussion } from './components/discussion/discussion.ts'
export { ParleyPoll } from './components/poll/poll.ts'
export {
  ApiError,
  appealRemoval,
  createReader,
  deleteComment,
  editComment,
  fileNotice,
  getCounts,
  getPoll,
  getThread,
  listComments,
  listReplies,
  postComment,
  react,
  reportComment,
  unreact,
  vote,
  withdrawVote,
  type Endpoint,
  type NewCommentBody,
  type PageOptions,
  type PollSnapshot,
  type RequestOptions,
} from './api/client.ts'
export { DraftController, type Draft } from './controllers/draft-controller.ts'
export { RefreshController } from './controllers/refresh-controller.ts'
export { ThreadStoreController } from './controllers/thread-store-controller.ts'
export type {
  ParleyCommentEvent,
  ParleyErrorEvent,
  ParleyEventDetails,
  ParleyVoteEvent,
} from './events.ts'
export { en } from './i18n/en.ts'
export { langOf, registerTranslation } from './i18n/localize.ts'
export { plural, type Translation } from './i18n/translation.ts'
export { safeDefine, VERSION } from './internal/safe-define.ts'
export { safeHtml } from './internal/safe-html.ts'
export { countDefaults, countOf } from './state/counts.ts'
export { ThreadStore, threadStore } from './state/thread-store.ts'
