// The one-tag embed, built as the self-contained classic script dist/embed.js:
// <script src="https://HOST/embed.js" data-site="…" data-thread="…" data-poll="…" async></script>
import './define.ts'
import { boot } from './embed/mount.ts'

boot(document.currentScript as HTMLScriptElement | null)
