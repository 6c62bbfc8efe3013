import { assertNever } from '../../core/result.js'
import type { CreateArticleError } from '../../content/articles/create-article.js'
import type { EditArticleError } from '../../content/articles/edit-article.js'
import type { WorkflowError } from '../../content/articles/change-workflow.js'
import { invalid, type Problem } from './api-problem.js'

/**
 * Every refusal the article use cases give, as the API answers it: invalid input names its
 * fields (422), someone else's save since `baseVersion` and actions that do not apply to the
 * article as it is are 409s.
 */
export function articleProblem(error: CreateArticleError | EditArticleError | WorkflowError): Problem {
  switch (error.type) {
    case 'invalid':
      return invalid(error.issues)
    case 'slug-taken':
      return invalid([{ field: 'slug', message: `"${error.slug}" is already another article's slug` }])
    case 'hero-without-alt':
      return invalid([{ field: 'confirmNoAlt', message: 'the hero picture has no alt text: add it, or send confirmNoAlt: true' }])
    case 'not-found':
      return { type: 'not-found', message: 'No article has this id.' }
    case 'forbidden':
      return { type: 'forbidden', message: 'You may not do this to this article.' }
    case 'not-applicable':
      return { type: 'conflict', message: error.message }
    case 'conflict':
      return {
        type: 'conflict',
        message: `The article was saved by someone else since the version this change is based on: it is now at version ${error.currentVersion}.`,
        details: { currentVersion: error.currentVersion, updatedAt: error.updatedAt.toISOString(), editedBy: error.editedBy },
      }
    default:
      return assertNever(error)
  }
}
