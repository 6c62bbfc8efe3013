import type { ArticleKind } from '../../content/articles/article.js'
import type { Picture } from '../../content/media/picture.js'
import type { Person, Section } from '../../content/taxonomy.js'
import { paths } from '../../http/paths.js'
import type { ArticleFormValues } from './article-form-values.js'
import { InputField, SelectField, TextAreaField } from './editor-fields.js'
import type { FieldProblem } from './form-fields.js'

export interface MetaFieldsProps {
  values: ArticleFormValues
  kind: ArticleKind
  siteUrl: string
  sections: Section[]
  people: Person[]
  /** The picture `values.heroPictureId` names, if there is one. */
  heroPicture: Picture | undefined
  /** Whether new tag names create tags (taxonomy.manage) or must name existing ones. */
  mayCreateTags: boolean
  /** Whether the slug is already public, so a change makes a redirect. */
  slugIsPublic: boolean
  problems?: FieldProblem[] | undefined
}

/** Where the article lives and what it is filed under: slug, section, tags, bylines. */
export function PlacementFields({ values, kind, siteUrl, sections, people, mayCreateTags, slugIsPublic, problems }: MetaFieldsProps) {
  const publicUrl = values.slug ? `${siteUrl}${paths.article(values.slug)}` : ''
  const slugHint = (
    <>
      {publicUrl ? <>The address: <span class="url" data-url-base={`${siteUrl}/`}>{publicUrl}</span>. </> : 'Made from the headline when left empty. '}
      {slugIsPublic ? 'Readers’ links to the old address will be sent to the new one.' : 'Follows the headline until it is published, unless you change it.'}
    </>
  )
  return (
    <fieldset class="panel">
      <legend>Placement</legend>
      <InputField name="slug" label="Slug" value={values.slug} hint={slugHint} problems={problems} maxlength={191} />
      {kind === 'post' && (
        <>
          <SelectField name="sectionId" label="Section" problems={problems} selected={[values.sectionId]}
            choices={[{ value: '', label: '— No section —' }, ...sections.map((s) => ({ value: s.id, label: s.name }))]} />
          <InputField name="tags" label="Tags" value={values.tags} problems={problems}
            hint={mayCreateTags ? 'Separated by commas. New names become new tags.' : 'Separated by commas; existing tags only (editors create new ones).'} />
        </>
      )}
      <SelectField name="authorIds" label="Authors" multiple size={Math.min(6, Math.max(3, people.length))} problems={problems}
        selected={values.authorIds} choices={people.map((p) => ({ value: p.id, label: p.name }))}
        hint="The byline. Hold Ctrl (⌘ on a Mac) to choose several." />
    </fieldset>
  )
}

/** The hero picture: its id (the media library gives it), a preview, and its words. */
export function HeroFields({ values, heroPicture, problems, editorPath }: Pick<MetaFieldsProps, 'values' | 'heroPicture' | 'problems'> & { editorPath: string }) {
  const picker = `/admin/media/picker?${new URLSearchParams({ return: editorPath })}`
  const preview = heroPicture && (heroPicture.remoteUrl ?? paths.media(smallestKey(heroPicture)))
  return (
    <fieldset class="panel hero-fields" data-hero-fields>
      <legend>Hero picture</legend>
      {preview && <img class="hero-preview" src={preview} alt="" width={heroPicture.width || undefined} height={heroPicture.height || undefined} />}
      <InputField name="heroPictureId" label="Picture id" value={values.heroPictureId} problems={problems}
        hint={<><a href={picker}>Choose one from the media library</a> (save first: this page is left on the way), or paste its id. Empty for no picture.</>} />
      <TextAreaField name="heroAlt" label="Alt text" value={values.heroAlt} rows={2} problems={problems}
        hint="What the picture shows, for readers who cannot see it." />
      <TextAreaField name="heroCaption" label="Caption" value={values.heroCaption} rows={2} problems={problems} />
      <InputField name="heroCredit" label="Credit" value={values.heroCredit} problems={problems} hint="Photographer or agency." maxlength={300} />
    </fieldset>
  )
}

function smallestKey(picture: Picture): string {
  const [smallest] = [...picture.variants].sort((a, b) => a.width - b.width)
  return smallest && smallest.width < picture.width ? smallest.key : picture.key
}
