/**
 * Pieces of the SQLite search triggers, shared by the migrations that (re)create them. They
 * make fixed DDL from table and row names written in the migrations, never from input.
 */

/** The index row key of the article `ref` (`new` or `old`). */
export const docOf = (ref: string): string => `(select doc_id from article_search_docs where article_id = ${ref}.id)`

/** Indexes the article `ref` in `table`. */
export const insertInto = (table: string, ref: string): string =>
  `insert into ${table} (rowid, headline, dek, body_text) values (${docOf(ref)}, ${ref}.headline, ${ref}.dek, ${ref}.body_text);`

/** Removes the article `ref` from `table`. */
export const deleteFrom = (table: string, ref: string): string => `delete from ${table} where rowid = ${docOf(ref)};`

export const SEARCH_TRIGGERS = ['articles_search_insert', 'articles_search_update', 'articles_search_delete'] as const
