import type { Context } from 'hono'

/** A submitted form's text fields: a missing field, or a file where text was expected, reads as ''. */
export type FormText = (name: string) => string

/**
 * Reads a urlencoded or multipart form once, for routes that want its text fields.
 * @example const form = await formText(c); const email = form('email')
 */
export async function formText(c: Context): Promise<FormText> {
  const body = await c.req.parseBody()
  return (name) => {
    const value = body[name]
    return typeof value === 'string' ? value : ''
  }
}
