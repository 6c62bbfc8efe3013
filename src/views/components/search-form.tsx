import { raw } from 'hono/html'
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
            <Options items={sections} selected={values.section} />
          </select>
        </label>
        <label for="search-author">Author
          <select id="search-author" name="author">
            <option value="">All authors</option>
            <Options items={authors} selected={values.author} />
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

type Choice = { slug: string; name: string }

/** Options rendered (and escaped) by JSX once per list, kept with the list while it is kept (see authorsForSearch). */
const renderedOptions = new WeakMap<readonly Choice[], { each: string[]; all: string }>()

/**
 * The `<option>`s of a select, the chosen one selected. A large site's author list has hundreds
 * of names: rendered once per list rather than on every search page.
 */
function Options({ items, selected }: { items: readonly Choice[]; selected?: string }) {
  let rendered = renderedOptions.get(items)
  if (!rendered) {
    const each = items.map((item) => String(<option value={item.slug}>{item.name}</option>))
    rendered = { each, all: each.join('') }
    renderedOptions.set(items, rendered)
  }
  const at = selected === undefined ? -1 : items.findIndex((item) => item.slug === selected)
  if (at === -1) return raw(rendered.all)
  const chosen = String(<option value={items[at]!.slug} selected>{items[at]!.name}</option>)
  return raw(rendered.each.slice(0, at).join('') + chosen + rendered.each.slice(at + 1).join(''))
}
