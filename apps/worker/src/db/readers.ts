export async function insertReader(
  db: D1Database,
  reader: { id: string; siteId: string; createdAt: number }
): Promise<void> {
  await db
    .prepare('INSERT INTO readers (id, site_id, created_at) VALUES (?1, ?2, ?3)')
    .bind(reader.id, reader.siteId, reader.createdAt)
    .run()
}
