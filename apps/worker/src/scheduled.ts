import {
  purgeShared,
  purgeSite,
  retentionCutoff,
  sitesWithRetention,
  type SiteRetention,
} from './db/retention.ts'

// The daily clean-up (the cron trigger in wrangler.jsonc): each site's personal data past its
// retention period, ended rate-limit windows and old network salts. See docs/privacy.md.

/** Rows each statement clears per pass. */
export const RETENTION_BATCH = 500
/** Passes per site and run: a larger backlog drains over the next runs. */
export const RETENTION_PASSES = 10

export interface RetentionReport {
  sites: Record<string, SiteRetention>
  rateCounters: number
  salts: number
}

const sum = (a: SiteRetention, b: SiteRetention): SiteRetention => ({
  comments: a.comments + b.comments,
  reportNotes: a.reportNotes + b.reportNotes,
  notices: a.notices + b.notices,
  appeals: a.appeals + b.appeals,
  bans: a.bans + b.bans,
})

/** One run of the clean-up at `now`; `limit` and `passes` bound the work (tests lower them). */
export async function runRetention(
  db: D1Database,
  now: number,
  bounds = { limit: RETENTION_BATCH, passes: RETENTION_PASSES }
): Promise<RetentionReport> {
  const report: RetentionReport = { sites: {}, rateCounters: 0, salts: 0 }
  for (const site of await sitesWithRetention(db)) {
    const cutoff = retentionCutoff(now, site.retentionDays)
    let total: SiteRetention = { comments: 0, reportNotes: 0, notices: 0, appeals: 0, bans: 0 }
    for (let pass = 0; pass < bounds.passes; pass++) {
      const cleared = await purgeSite(db, site.id, cutoff, bounds.limit)
      total = sum(total, cleared)
      if (Object.values(cleared).every((n) => n < bounds.limit)) break
    }
    report.sites[site.id] = total
  }
  for (let pass = 0; pass < bounds.passes; pass++) {
    const shared = await purgeShared(db, now, bounds.limit)
    report.rateCounters += shared.rateCounters
    report.salts += shared.salts
    if (shared.rateCounters < bounds.limit) break
  }
  return report
}

/** The Worker's `scheduled` handler. */
export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env) => {
  const report = await runRetention(env.DB, controller.scheduledTime)
  console.log(`[parley] retention clean-up (${controller.cron})`, JSON.stringify(report))
}
