// The console page (/admin/): index.html holds one <parley-console>.
import './define.ts'
