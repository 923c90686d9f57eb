#!/usr/bin/env node
// Starts dynalite for the local runtime: bound to loopback only, on the given port (0 = any free port), tables
// ready at once, data under --path (LevelDB) or in memory. Prints {"port":N} once listening, and shuts down
// cleanly (flushing LevelDB) when its parent closes stdin or sends SIGTERM, or dies: a parent killed with SIGKILL
// closes stdin with it, and should another process hold that pipe, the parent id changes (this process is reparented).
'use strict'
const dynalite = require('dynalite')

const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf('--' + name)
  return i >= 0 ? args[i + 1] : undefined
}

const server = dynalite({
  path: option('path'),
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
})

server.listen(Number(option('port') || 0), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
})

let closing = false
const shutdown = () => {
  if (closing) return
  closing = true
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
}
process.stdin.on('end', shutdown)
process.stdin.on('close', shutdown)
process.stdin.resume()
const parent = process.ppid
setInterval(() => { if (process.ppid !== parent) shutdown() }, 500).unref()
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
