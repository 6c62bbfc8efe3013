/**
 * Pieces of the SQLite search index: the triggers the migrations (re)create, and the bulk
 * statements that index many articles at once (see `withDeferredSearchIndex`). Both index an
 * article the same way, so what goes into which table is written here once. They make fixed SQL
 * from table and row names written in code, never from input.
 */

/** The index row key of the article `ref` (`new` or `old`). */
export const docOf = (ref: string): string => `(select doc_id from article_search_docs where article_id = ${ref}.id)`

/** Indexes the article `ref` in `table`. */
export const insertInto = (table: string, ref: string): string =>
  `insert into ${table} (rowid, headline, dek, body_text) values (${docOf(ref)}, ${ref}.headline, ${ref}.dek, ${ref}.body_text);`

/** Removes the article `ref` from `table`. */
export const deleteFrom = (table: string, ref: string): string => `delete from ${table} where rowid = ${docOf(ref)};`

export const SEARCH_TRIGGERS = ['articles_search_insert', 'articles_search_update', 'articles_search_delete'] as const

/**
 * Chinese, Japanese and Korean characters: only text with some goes into the trigram table
 * (migration 0004), which search uses only for queries in those scripts. A constant without quotes.
 */
export const CJK_GLOB = '*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]*'

/** The text of the article `ref` that the trigram condition looks at. */
const allText = (ref: string): string => `(${ref}.headline || ' ' || ${ref}.dek || ' ' || ${ref}.body_text)`

/** Whether the article `ref` belongs in the trigram table: its text has CJK characters. */
export const hasCjk = (ref: string): string => `${allText(ref)} glob '${CJK_GLOB}'`

/**
 * `hasCjk`, first ruling out text all in ASCII (as many bytes as characters), which cannot have
 * CJK characters: the glob costs about 0.2 ms for an article of 3,000 characters, the check next to nothing.
 */
export const hasCjkQuick = (ref: string): string => `octet_length(${allText(ref)}) > length(${allText(ref)}) and ${hasCjk(ref)}`

/**
 * Indexes the article `ref` in the trigram table if its text has CJK characters: what the insert
 * and update triggers do since migration 0004.
 */
export const insertTrigramIfCjk = (ref: string): string =>
  `insert into article_search_trigram (rowid, headline, dek, body_text) select ${docOf(ref)}, ${ref}.headline, ${ref}.dek, ${ref}.body_text
        where ${hasCjk(ref)};`

/** Whether readers may find the article `a`: the index holds published and scheduled articles only (since migration 0015). */
export const SEARCHABLE = (ref: string): string => `${ref}.status in ('published', 'scheduled')`

/**
 * The bulk form of the insert trigger's indexing, for the articles `a` with their doc rows `d`
 * that `from` (a FROM clause) selects: each statement indexes them all in one table, as the
 * trigger (since migration 0015: public articles only, CJK text only in the trigram table) would
 * one by one. Their doc rows must exist already.
 * @example bulkIndexStatements('articles a join article_search_docs d on d.article_id = a.id')
 */
export const bulkIndexStatements = (from: string): string[] => [
  `insert into article_search (rowid, headline, dek, body_text) select d.doc_id, a.headline, a.dek, a.body_text from ${from}
    where ${SEARCHABLE('a')}`,
  `insert into article_search_trigram (rowid, headline, dek, body_text) select d.doc_id, a.headline, a.dek, a.body_text from ${from}
    where ${SEARCHABLE('a')} and ${hasCjkQuick('a')}`,
]
