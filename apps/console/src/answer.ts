// The expert's invitation page (/admin/answer#<token>): answer.html holds one <parley-answer>.
import { ParleyAnswer } from './elements/answer-page.ts'

if (!customElements.get('parley-answer')) customElements.define('parley-answer', ParleyAnswer)
