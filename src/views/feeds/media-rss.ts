import type { FeedImage } from './feed.js'
import { element, textElement, type Xml } from '../xml.js'

/** The Media RSS namespace, declared on the root of any feed that uses `mediaContent`. */
export const MEDIA_RSS_NS = 'http://search.yahoo.com/mrss/'

/**
 * A picture as Media RSS `media:content`, with its alt text as the plain-text description.
 * @example mediaContent({ url: 'https://x.test/media/a.jpg', type: 'image/jpeg', width: 1200, height: 675, alt: 'Ferries' })
 */
export function mediaContent(image: FeedImage): Xml {
  const { url, type, width, height, alt } = image
  return element('media:content', { url, medium: 'image', type, width, height },
    alt ? [textElement('media:description', alt, { type: 'plain' })] : [])
}
