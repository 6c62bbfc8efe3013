import { MAX_QUERY_LENGTH } from '../../content/search/search-query.js'
import type { PersonRef, SectionRef } from '../../content/taxonomy.js'
import { paths } from '../../http/paths.js'

export interface SearchFormValues {
  q: string
  section?: string
  author?: string
  from?: string
  to?: string
}

interface SearchFormProps {
  values: SearchFormValues
  sections: SectionRef[]
  authors: PersonRef[]
}

/**
 * The search form: a plain GET form that works with JavaScript off. `data-suggest` names the
 * endpoint the optional script asks for suggestions as the reader types.
 */
export function SearchForm({ values, sections, authors }: SearchFormProps) {
  return (
    <form role="search" action={paths.search()} method="get" class="search-form" data-suggest={paths.searchSuggest}>
      <div class="search-box">
        <label for="search-q">Search articles</label>
        <input type="search" id="search-q" name="q" value={values.q} maxlength={MAX_QUERY_LENGTH} />
        <button type="submit">Search</button>
      </div>
      <fieldset class="search-filters">
        <legend>Narrow the search</legend>
        <label for="search-section">Section
          <select id="search-section" name="section">
            <option value="">All sections</option>
            {sections.map((s) => <option value={s.slug} selected={s.slug === values.section}>{s.name}</option>)}
          </select>
        </label>
        <label for="search-author">Author
          <select id="search-author" name="author">
            <option value="">All authors</option>
            {authors.map((p) => <option value={p.slug} selected={p.slug === values.author}>{p.name}</option>)}
          </select>
        </label>
        <label for="search-from">From
          <input type="date" id="search-from" name="from" value={values.from ?? ''} />
        </label>
        <label for="search-to">To
          <input type="date" id="search-to" name="to" value={values.to ?? ''} />
        </label>
      </fieldset>
    </form>
  )
}
