import { sql, SqliteAdapter } from 'kysely'
import type { Db } from '../../storage/connect.js'
import { bulkIndexStatements } from '../../storage/migrations/sqlite-search-ddl.js'

/**
 * The triggers whose row-by-row indexing is put off; the delete trigger stays (a delete costs it
 * little), and so does the one that copies a new publication time to the doc row.
 */
const DEFERRED_TRIGGERS = ['articles_search_insert', 'articles_search_update'] as const
/** Ids of the articles written meanwhile (temporary objects: other connections never see them). */
const PENDING = 'search_pending_articles'

/**
 * Runs `work`, which writes many articles in the transaction `trx`, with the search index
 * brought up to date once at the end instead of by the triggers, row by row. On SQLite each
 * trigger run flushes the FTS5 tables' pending terms to disk (a statement savepoint), so an
 * import of many articles spent most of its database time merging tiny index segments.
 *
 * Inside the transaction the insert and update triggers are dropped. What `work` writes is
 * found afterwards: new articles by their rowid (past the largest before), updated and deleted
 * ones by ids that temporary triggers note (a delete, or an id that changed, also makes every
 * article without a doc row count as new, since a rowid may then be reused). Those articles
 * are indexed with one statement per table (`bulkIndexStatements`, the triggers' own logic in
 * bulk), and the triggers are created again from the text SQLite kept of them. SQLite's DDL is
 * transactional: if `work` throws, the caller's transaction rolls back and the triggers and the
 * index are exactly as before. Until `work` returns, searches in this transaction miss its writes.
 *
 * Elsewhere (not SQLite, no search triggers, or already deferred by an outer caller) it just
 * runs `work`.
 * @example await inTransaction(db, (trx) => withDeferredSearchIndex(trx, () => writeAll(trx)))
 */
export async function withDeferredSearchIndex<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  if (!(trx.getExecutor().adapter instanceof SqliteAdapter)) return work()
  if (!trx.isTransaction) throw new Error('withDeferredSearchIndex needs a transaction, so that a failure restores the triggers')
  const saved = await triggerSql(trx)
  if (saved.length !== DEFERRED_TRIGGERS.length || (await isDeferred(trx))) return work()

  for (const name of DEFERRED_TRIGGERS) await sql`drop trigger ${sql.id(name)}`.execute(trx)
  await sql.raw(`create temp table ${PENDING} (article_id text primary key)`).execute(trx)
  await sql.raw(`create temp table ${PENDING}_since as select coalesce(max(rowid), 0) as max_rowid from main.articles`).execute(trx)
  // Any update is noted, not only of the indexed columns: indexing an unchanged article again is
  // harmless. Both ids of an update are noted, in case the id itself changed.
  await sql.raw(`create temp trigger ${PENDING}_update after update on main.articles begin
    insert or ignore into ${PENDING} (article_id) values (old.id);
    insert or ignore into ${PENDING} (article_id) values (new.id);
  end`).execute(trx)
  await sql.raw(`create temp trigger ${PENDING}_delete after delete on main.articles begin
    insert or ignore into ${PENDING} (article_id) values (old.id);
  end`).execute(trx)

  const result = await work()

  await notePending(trx)
  await indexPending(trx)
  for (const name of ['update', 'delete']) await sql.raw(`drop trigger temp.${PENDING}_${name}`).execute(trx)
  for (const name of [PENDING, `${PENDING}_since`]) await sql.raw(`drop table temp.${name}`).execute(trx)
  for (const text of saved) await sql.raw(text).execute(trx)
  return result
}

/** The CREATE TRIGGER text of the deferred triggers, as SQLite stored it. */
async function triggerSql(trx: Db): Promise<string[]> {
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'trigger' and tbl_name = 'articles' and name in (${sql.join(DEFERRED_TRIGGERS)}) order by name`.execute(trx)
  return rows.map((r) => r.sql)
}

async function isDeferred(trx: Db): Promise<boolean> {
  const { rows } = await sql`select 1 from sqlite_temp_master where type = 'table' and name = ${PENDING}`.execute(trx)
  return rows.length > 0
}

/**
 * Adds the new articles to the noted ones: those past the largest rowid before (all of them if
 * that was SQLite's largest, when new rowids are random), and, if a noted id is gone (a delete,
 * or an id changed, after which a rowid may be given out again), every article without a doc row.
 */
async function notePending(trx: Db): Promise<void> {
  const maxBefore = `(select max_rowid from ${PENDING}_since)`
  await sql.raw(`insert or ignore into ${PENDING} (article_id) select id from main.articles where rowid > ${maxBefore}`).execute(trx)
  await sql.raw(`insert or ignore into ${PENDING} (article_id) select id from main.articles where ${maxBefore} = 9223372036854775807`).execute(trx)
  await sql.raw(`insert or ignore into ${PENDING} (article_id)
    select a.id from main.articles a
    where exists (select 1 from ${PENDING} p where p.article_id not in (select id from main.articles))
    and not exists (select 1 from article_search_docs d where d.article_id = a.id)`).execute(trx)
}

/**
 * Brings the index up to date for the noted articles: drops what it held for them, forgets the
 * ids that no longer exist, gives new articles their doc rows (in write order), and indexes them.
 */
async function indexPending(trx: Db): Promise<void> {
  // CROSS JOIN keeps the noted ids as the outer loop: the planner knows nothing of the temporary table's size.
  const pendingDocs = `select d.doc_id from ${PENDING} p cross join article_search_docs d on d.article_id = p.article_id`
  for (const table of ['article_search', 'article_search_trigram']) {
    await sql.raw(`delete from ${table} where rowid in (${pendingDocs})`).execute(trx)
  }
  await sql.raw(`delete from article_search_docs where article_id in (select article_id from ${PENDING})
    and article_id not in (select id from articles)`).execute(trx)
  // The doc row carries the publication time, which orders equal scores (migration 0015), as the insert trigger writes it.
  await sql.raw(`insert into article_search_docs (article_id, published_at)
    select a.id, a.published_at from ${PENDING} p cross join articles a on a.id = p.article_id
    where not exists (select 1 from article_search_docs d where d.article_id = a.id) order by a.rowid`).execute(trx)
  const from = `${PENDING} p cross join articles a on a.id = p.article_id cross join article_search_docs d on d.article_id = a.id`
  for (const statement of bulkIndexStatements(from)) await sql.raw(statement).execute(trx)
}
