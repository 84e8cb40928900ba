// The bare baseline of bench:http: the least a Worker can do for each kind of request Parley
// serves. GET /list runs one indexed 50-row SELECT; POST /post parses the JSON body and runs one
// INSERT. No framework, validation, CORS or auth: whatever Parley adds on top is the overhead the
// ratio measures. Types are declared here, so the bench package needs no Workers type package.

interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>
  run(): Promise<unknown>
}

interface Env {
  DB: { prepare(sql: string): D1PreparedStatement }
}

const LIST = `SELECT id, author_name, text, created_at FROM comments
  WHERE thread_id = ?1 ORDER BY created_at DESC, id DESC LIMIT 50`
const INSERT = `INSERT INTO comments (id, thread_id, author_name, text, created_at)
  VALUES (?1, ?2, ?3, ?4, ?5)`

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname === '/list') {
      const { results } = await env.DB.prepare(LIST).bind(1).all()
      return Response.json({ comments: results })
    }
    if (request.method === 'POST' && pathname === '/post') {
      const body = (await request.json()) as { authorName: string; text: string }
      const id = `c_${crypto.randomUUID().replaceAll('-', '')}`
      await env.DB.prepare(INSERT).bind(id, 1, body.authorName, body.text, Date.now()).run()
      return Response.json({ id }, { status: 201 })
    }
    return new Response('not found', { status: 404 })
  },
}
