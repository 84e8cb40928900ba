// The only module with side effects: registers every Parley element. Safe to run more than once.
import { ParleyComment } from './components/comment/comment.ts'
import { ParleyCommentForm } from './components/comment-form/comment-form.ts'
import { ParleyComments } from './components/comments/comments.ts'
import { ParleyCount } from './components/count/count.ts'
import { ParleyDiscussion } from './components/discussion/discussion.ts'
import { ParleyPoll } from './components/poll/poll.ts'
import { safeDefine } from './internal/safe-define.ts'

safeDefine('parley-poll', ParleyPoll)
safeDefine('parley-comment-form', ParleyCommentForm)
safeDefine('parley-comment', ParleyComment)
safeDefine('parley-comments', ParleyComments)
safeDefine('parley-discussion', ParleyDiscussion)
safeDefine('parley-count', ParleyCount)
