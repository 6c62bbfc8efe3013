import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli, startServer } from '../support/cli.js'
import { hasBuild } from '../support/requirements.js'

/** Fetches a page and the form token in it, keeping the cookies a browser would. */
async function formPage(url: string, cookies: string[] = []) {
  const response = await fetch(url, { headers: { Cookie: cookies.join('; ') }, redirect: 'manual' })
  const set = response.headers.getSetCookie().map((c) => c.split(';')[0]!)
  const html = await response.text()
  return { response, html, cookies: [...cookies, ...set], token: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' }
}

async function postForm(url: string, cookies: string[], fields: Record<string, string>) {
  return fetch(url, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
    headers: { Cookie: cookies.join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
  })
}

describe.runIf(hasBuild())('staff on the command line', () => {
  let dir: string
  const env = () => ({ MASTHEAD_DATA_DIR: path.join(dir, 'data'), MASTHEAD_DEMO: '0' })
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-staff-')) })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('the first start prints a one-time set-up link that creates the administrator', async () => {
    const server = await startServer(env())
    try {
      const link = /(http:\/\/\S+\/admin\/setup\?token=\S+)/.exec(server.output())?.[1]
      expect(link, server.output()).toBeDefined()
      const form = await formPage(link!)
      expect(form.response.status).toBe(200)
      const token = new URL(link!).searchParams.get('token')!
      const created = await postForm(`${server.url}/admin/setup`, form.cookies, { _csrf: form.token, token, name: 'Ada Okafor', email: 'ada@news.test', password: 'tide tables at noon' })
      expect(created.status).toBe(303)
      expect((await formPage(link!)).response.status).toBe(410)
    } finally {
      await server.stop()
    }
    // With an administrator, a restart prints no link.
    const again = await startServer(env())
    try {
      expect(again.output()).not.toContain('/admin/setup')
    } finally {
      await again.stop()
    }
  })

  it('user add prints an invitation link; reset-password a reset link; bad input is refused', async () => {
    const added = runCli(['user', 'add', 'mara@news.test', '--role', 'author', '--name', 'Mara Lind'], env())
    expect(added.status, added.stderr).toBe(0)
    expect(added.stdout).toContain('Added mara@news.test as author.')
    const invite = /(http:\/\/\S+\/admin\/invite\/\S+)/.exec(added.stdout)?.[1]
    expect(invite).toBeDefined()

    const badRole = runCli(['user', 'add', 'x@news.test', '--role', 'owner'], env())
    expect(badRole.status).toBe(2)
    expect(badRole.stderr).toContain('--role must be one of contributor, author, editor, administrator (got "owner")')
    const duplicate = runCli(['user', 'add', 'MARA@news.test', '--role', 'editor'], env())
    expect(duplicate.status).toBe(2)
    expect(duplicate.stderr).toContain('email: mara@news.test already has an account')

    const list = runCli(['user', 'list'], env())
    expect(list.stdout).toMatch(/mara@news\.test\tauthor\tMara Lind\t\(invited\)/)

    const server = await startServer(env())
    try {
      const local = (link: string) => `${server.url}${new URL(link).pathname}`
      const page = await formPage(local(invite!))
      expect(page.html).toContain('Welcome, Mara Lind')
      expect((await postForm(local(invite!), page.cookies, { _csrf: page.token, password: 'salt marsh at low tide' })).status).toBe(303)

      const reset = runCli(['user', 'reset-password', 'mara@news.test'], env())
      expect(reset.status, reset.stderr).toBe(0)
      const resetLink = /(http:\/\/\S+\/admin\/reset\/\S+)/.exec(reset.stdout)?.[1]!
      const resetPage = await formPage(local(resetLink))
      expect((await postForm(local(resetLink), resetPage.cookies, { _csrf: resetPage.token, password: 'a different long one' })).status).toBe(303)

      const signIn = await formPage(`${server.url}/admin/sign-in`)
      const old = await postForm(`${server.url}/admin/sign-in`, signIn.cookies, { _csrf: signIn.token, email: 'mara@news.test', password: 'salt marsh at low tide' })
      expect(old.status).toBe(401)
      const fresh = await postForm(`${server.url}/admin/sign-in`, signIn.cookies, { _csrf: signIn.token, email: 'mara@news.test', password: 'a different long one' })
      expect(fresh.status).toBe(303)
    } finally {
      await server.stop()
    }
    expect(runCli(['user', 'reset-password', 'nobody@news.test'], env()).stderr).toContain('no staff account has the email nobody@news.test')
  })
})
