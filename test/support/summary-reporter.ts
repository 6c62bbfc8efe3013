import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI can read,
 * and names the skipped tests so a skip never goes unnoticed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0
    let failed = errors.length
    const skipped: string[] = []
    for (const module of modules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped.push(`${module.moduleId.replace(process.cwd() + '/', '')} > ${test.fullName}`)
      }
    }
    if (skipped.length) process.stdout.write(`\nSkipped tests:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`)
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped.length} skipped\n`)
  }
}
