import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import type { z } from 'zod'
import { err, ok, type Result } from '../../core/result.js'
import { ExportFile, ExportHeader, MEDIA_FOLDER, SITE_JSON } from '../../export/export-format.js'
import type { ImportProblem } from '../import-problem.js'
import { isSiteJsonPath, isTar } from './sniff-export-tar.js'
import { describeIssue } from './export-issue.js'

/** An export opened for restoring: its parsed site.json and the folder holding its media files. */
export interface OpenedExport {
  data: ExportFile
  mediaFolder: string
  /** Removes what opening unpacked (a tar is extracted to a temporary folder). */
  close(): Promise<void>
}

/**
 * Opens a Masthead export given as its site.json or as the tar `masthead export --tar` wrote,
 * and validates site.json whole. site.json is read into memory at once: an export is one JSON
 * document, and restoring needs all of it checked before anything is written.
 * @example const opened = await readExport('masthead-export-20260601T120000Z/site.json')
 */
export async function readExport(file: string): Promise<Result<OpenedExport, ImportProblem>> {
  let temporary: string | undefined
  const close = async () => { if (temporary) await fs.rm(temporary, { recursive: true, force: true }) }
  const open = async (): Promise<Result<OpenedExport, ImportProblem>> => {
    let siteJson = file
    if (await isTarFile(file)) {
      temporary = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-restore-'))
      const found = await extractExport(file, temporary)
      if (!found.ok) return found
      siteJson = found.value
    }
    const parsed = await parseSiteJson(siteJson, file)
    if (!parsed.ok) return parsed
    return ok({ data: parsed.value, mediaFolder: path.join(path.dirname(siteJson), MEDIA_FOLDER), close })
  }
  try {
    const opened = await open()
    if (!opened.ok) await close()
    return opened
  } catch (error) {
    await close()
    throw error
  }
}

async function isTarFile(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r')
  try {
    const head = new Uint8Array(512)
    const { bytesRead } = await handle.read(head, 0, 512, 0)
    return isTar(head.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}

/** Unpacks only site.json and media/ (node-tar also refuses absolute paths and `..`). */
async function extractExport(file: string, into: string): Promise<Result<string, ImportProblem>> {
  const inExport = (entry: string) => {
    const parts = entry.replace(/^\.\//, '').split('/')
    const rest = parts[0] === SITE_JSON || parts[0] === MEDIA_FOLDER ? parts : parts.slice(1)
    return rest[0] === SITE_JSON ? rest.length === 1 : rest[0] === MEDIA_FOLDER
  }
  const siteJsons: string[] = []
  const links: string[] = []
  try {
    await tar.extract({
      file, cwd: into, strict: true,
      // Only files and folders: a link could make a picture key read any file on this machine.
      filter: (entry, stat) => {
        const type = 'type' in stat ? stat.type : 'File'
        if (type !== 'File' && type !== 'OldFile' && type !== 'Directory') {
          links.push(entry)
          return false
        }
        return inExport(entry)
      },
      onReadEntry: (entry) => { if (entry.type === 'File' && isSiteJsonPath(entry.path)) siteJsons.push(entry.path) },
    })
  } catch (error) {
    return err({ file, message: `the tar archive cannot be read: ${(error as Error).message}` })
  }
  if (links.length) return err({ file, message: `the tar archive holds ${links.length} link(s) or special file(s) (${links[0]}); an export holds only files and folders` })
  if (siteJsons.length !== 1) return err({ file, message: `the tar archive must hold exactly one ${SITE_JSON}; it holds ${siteJsons.length}` })
  return ok(path.join(into, ...siteJsons[0]!.replace(/^\.\//, '').split('/')))
}

async function parseSiteJson(siteJson: string, file: string): Promise<Result<ExportFile, ImportProblem>> {
  const text = await fs.readFile(siteJson, 'utf8')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const position = Number(/position (\d+)/.exec(message)?.[1])
    const line = Number.isFinite(position) ? text.slice(0, position).split('\n').length : undefined
    return err({ file, message: `site.json is not valid JSON: ${message}`, ...(line !== undefined && { line }) })
  }
  // The version first: a newer export should say so, not fail on every field that changed.
  const header = ExportHeader.safeParse((raw as { masthead_export?: unknown } | null)?.masthead_export)
  if (!header.success) return err(problemOf(file, raw, header.error.issues.map((i) => ({ ...i, path: ['masthead_export', ...i.path] }))))
  const parsed = ExportFile.safeParse(raw)
  return parsed.success ? ok(parsed.data) : err(problemOf(file, raw, parsed.error.issues))
}

function problemOf(file: string, raw: unknown, issues: z.core.$ZodIssue[]): ImportProblem {
  const problem = describeIssue(file, raw, issues[0]!)
  const more = issues.length - 1
  return more ? { ...problem, message: `${problem.message} (and ${more} more problem${more > 1 ? 's' : ''})` } : problem
}
