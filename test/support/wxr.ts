/** Small WordPress exports for tests: only the fields the importer reads, escaped like a real export. */

export interface WxrTestItem {
  id: number
  title?: string
  type?: string
  status?: string
  name?: string
  content?: string
  excerpt?: string
  creator?: string
  date?: string
  link?: string
  password?: string
  categories?: { domain: 'category' | 'post_tag'; nicename: string; name: string }[]
  meta?: Record<string, string>
  attachmentUrl?: string
  comments?: number
}

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/**
 * One `<item>` as WordPress writes it.
 * @example wxrItem({ id: 1, title: 'Hello', content: 'Text' })
 */
export function wxrItem(item: WxrTestItem): string {
  const type = item.type ?? 'post'
  return `<item>
  <title>${cdata(item.title ?? `Post ${item.id}`)}</title>
  <link>${item.link ?? `https://old.example/${type === 'page' ? '' : '2020/01/01/'}${item.name ?? `post-${item.id}`}/`}</link>
  <dc:creator>${cdata(item.creator ?? 'editor')}</dc:creator>
  <guid isPermaLink="false">https://old.example/?p=${item.id}</guid>
  <content:encoded>${cdata(item.content ?? `Body of post ${item.id}.`)}</content:encoded>
  <excerpt:encoded>${cdata(item.excerpt ?? '')}</excerpt:encoded>
  <wp:post_id>${item.id}</wp:post_id>
  <wp:post_date>${item.date ?? '2020-01-01 10:00:00'}</wp:post_date>
  <wp:post_date_gmt>${item.date ?? '2020-01-01 10:00:00'}</wp:post_date_gmt>
  <wp:post_name>${cdata(item.name ?? `post-${item.id}`)}</wp:post_name>
  <wp:status>${item.status ?? (type === 'attachment' ? 'inherit' : 'publish')}</wp:status>
  <wp:post_type>${type}</wp:post_type>
  <wp:post_password>${item.password ?? ''}</wp:post_password>
  <wp:is_sticky>0</wp:is_sticky>
${item.attachmentUrl ? `  <wp:attachment_url>${item.attachmentUrl}</wp:attachment_url>\n` : ''}${(item.categories ?? []).map((c) => `  <category domain="${c.domain}" nicename="${c.nicename}">${cdata(c.name)}</category>\n`).join('')}${Object.entries(item.meta ?? {}).map(([k, v]) => `  <wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>\n`).join('')}${'  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Nice</wp:comment_content></wp:comment>\n'.repeat(item.comments ?? 0)}</item>
`
}

/** The document's head, up to and including the authors; items follow, then `WXR_TAIL`. */
export function wxrHead({ namespace = 'http://wordpress.org/export/1.2/', language = 'en-GB' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="${namespace}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="${namespace}">
<channel>
  <title>Old Example</title>
  <link>https://old.example</link>
  <language>${language}</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://old.example</wp:base_site_url>
  <wp:base_blog_url>https://old.example</wp:base_blog_url>
  <wp:author><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_display_name>${cdata('Ed Itor')}</wp:author_display_name></wp:author>
`
}

export const WXR_TAIL = '</channel>\n</rss>\n'

/**
 * A whole export.
 * @example wxrDocument([{ id: 1 }, { id: 2, type: 'page' }])
 */
export function wxrDocument(items: WxrTestItem[], head: Parameters<typeof wxrHead>[0] = {}): string {
  return wxrHead(head) + items.map(wxrItem).join('') + WXR_TAIL
}
