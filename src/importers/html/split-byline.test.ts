import { describe, expect, it } from 'vitest'
import { splitByline } from './split-byline.js'

describe('splitByline', () => {
  it.each([
    ['Dan Goodin', ['Dan Goodin']],
    ['By Erin Cunningham', ['Erin Cunningham']],
    ['BY: JOE HILDEBRAND', ['JOE HILDEBRAND']],
    ['By Ana Ruiz and Tom Ek', ['Ana Ruiz', 'Tom Ek']],
    ['Ana Ruiz, Tom Ek & Lee Park', ['Ana Ruiz', 'Tom Ek', 'Lee Park']],
    ['By Ana Ruiz, Tom Ek, and Lee Park', ['Ana Ruiz', 'Tom Ek', 'Lee Park']],
    ['Ana Ruiz; by Tom Ek', ['Ana Ruiz', 'Tom Ek']],
    ['Jane Doe, Staff Writer', ['Jane Doe']],
    ['Alexander Anderson', ['Alexander Anderson']],
    ['Jane Doe | Reuters', ['Jane Doe', 'Reuters']],
    ['April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm', []],
    ['Ana Ruiz and Ana Ruiz', ['Ana Ruiz']],
    ['', []],
    [null, []],
  ])('splits %j', (byline, names) => expect(splitByline(byline)).toEqual(names))
})
