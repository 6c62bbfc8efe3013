// Demo content for Masthead: "The Port Alder Ledger", a fictional local newspaper.
// All places, people, organisations and events below are invented for demonstration purposes.

export interface DemoAuthor { slug: string; name: string; bio: string }
export interface DemoSection { slug: string; name: string; description: string }
export interface DemoArticle {
  headline: string          // <= 90 chars
  dek: string               // one-sentence standfirst, <= 200 chars
  section: string           // a DemoSection slug
  tags: string[]            // 2-3 tag names, human readable, e.g. 'Harbour', 'Transport'
  authors: string[]         // 1-2 DemoAuthor slugs
  daysAgo: number           // publication age in days (0.2 .. 9), all different
  heroAlt: string           // a real description of what the (abstract) picture would show, <= 120 chars
  heroCaption: string       // one sentence
  heroCredit: string        // e.g. 'Illustration: Ledger graphics desk'
  body: string              // Markdown, paragraphs separated by blank lines
}

export const demoSiteTitle = 'The Port Alder Ledger'
export const demoSiteDescription =
  'Independent news, sport and community notices for the harbour town of Port Alder and the villages of Alder Sound.'

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'tamsin-arkwright',
    name: 'Tamsin Arkwright',
    bio: 'Tamsin covers the town council, planning and transport, and has reported on Port Alder for nine years.',
  },
  {
    slug: 'oskar-bellweather',
    name: 'Oskar Bellweather',
    bio: 'Oskar is the Ledger\'s science and environment reporter, with a particular interest in the harbour and the coast.',
  },
  {
    slug: 'nadia-ferrow',
    name: 'Nadia Ferrow',
    bio: 'Nadia writes about local business, the high street and the arts, and edits the weekend culture pages.',
  },
  {
    slug: 'jonah-pelling',
    name: 'Jonah Pelling',
    bio: 'Jonah reports on sport and community life, from rowing on the Sound to Sunday league football.',
  },
]

export const demoSections: DemoSection[] = [
  {
    slug: 'city',
    name: 'City',
    description: 'Town council decisions, transport, planning and public services in Port Alder.',
  },
  {
    slug: 'science',
    name: 'Science',
    description: 'Research, wildlife and the environment of the harbour, the Sound and the coast.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Shops, trades, the harbour economy and the people who run them.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Books, music, the library, galleries and what is on around town.',
  },
  {
    slug: 'sport',
    name: 'Sport',
    description: 'Rowing, sailing, football and results from clubs across Alder Sound.',
  },
]

export const demoArticles: DemoArticle[] = [
  {
    headline: 'Council backs year-round harbour shuttle, with first buses due in spring',
    dek: 'Councillors voted 7-2 to fund a two-year trial of an electric shuttle linking Lantern Quay, the hospital and the estates on the northern ridge.',
    section: 'city',
    tags: ['Transport', 'Town Council'],
    authors: ['tamsin-arkwright'],
    daysAgo: 0.2,
    heroAlt: 'Abstract illustration of a small blue electric bus climbing a stylised green hill above a harbour of simple shapes',
    heroCaption: 'The shuttle route will climb Gannet Hill to serve the hospital and the northern ridge estates.',
    heroCredit: 'Illustration: Ledger graphics desk',
    body: [
      `Port Alder's town council has approved a two-year trial of an electric shuttle bus that will run year-round between Lantern Quay, Alder Vale Community Hospital and the housing estates on the northern ridge, closing a gap in public transport that residents have complained about for more than a decade.`,
      `The measure passed 7-2 at Tuesday evening's meeting after nearly two hours of public comment. The trial will cover the lease of two small battery buses, drivers' wages and a charging point at the council depot on Cooper Lane.`,
      `Buses will run every 30 minutes from 7 a.m. to 7 p.m. on weekdays and hourly at weekends, starting in early spring if the vehicles arrive on schedule.`,
      `"For years we have told people on the ridge that the hill is their problem," said Councillor Irene Dabrowska-Hale, who chairs the transport committee and proposed the trial. "This is a modest step, but it means someone without a car can get to a hospital appointment without booking a taxi two days ahead."`,
      `## Questions over cost and demand`,
      `The two councillors who voted against the plan, Gareth Lowrie and Simone Achterberg, said they supported its aim but doubted that passenger numbers would justify the cost. Lowrie pointed to the town's previous shuttle, a summer-only service that was withdrawn in 2016 after carrying an average of fewer than 40 passengers a day.`,
      `"I want this to work, and that's exactly why I would rather we had tested the route with a smaller vehicle first," Lowrie said.`,
      `Council officers said the new route differs from the old one because it serves the hospital and the secondary school, both of which generate steady weekday traffic. A survey of 612 households carried out over the autumn found that about one in five homes on the northern ridge has no access to a car.`,
      `Several speakers during public comment were older residents. Walter Emmings, 81, told councillors that he had stopped attending a weekly physiotherapy class because the walk back up Gannet Hill had become too difficult. "I don't need anything fancy," he said. "I need a seat and a timetable."`,
      `The trial will be reviewed at the end of its first year. Officers will report passenger numbers to the transport committee every quarter, and the council has said it will publish the figures.`,
      `Parking charges at the Lantern Quay car park will rise slightly during the summer season to help cover running costs, a change that drew objections from two quayside traders. The council said the increase would not apply to residents holding a permit.`,
    ].join('\n\n'),
  },
  {
    headline: 'Eelgrass is returning to Port Alder\'s inner harbour, divers\' survey finds',
    dek: 'A volunteer dive survey mapped seagrass across nearly twice the area recorded five years ago, though researchers caution that the recovery remains fragile.',
    section: 'science',
    tags: ['Harbour', 'Marine Life', 'Environment'],
    authors: ['oskar-bellweather'],
    daysAgo: 1.5,
    heroAlt: 'Abstract illustration of long green ribbons of seagrass swaying in blue water, with small fish outlined among them',
    heroCaption: 'Divers recorded eelgrass on 61 of the 140 survey lines laid across the inner basin this summer.',
    heroCredit: 'Illustration: Ledger graphics desk',
    body: [
      `Seagrass meadows in Port Alder's inner harbour have almost doubled in extent since 2019, according to a survey carried out this summer by volunteer divers and researchers from the Alder Sound Marine Station.`,
      `The survey, published this week, mapped about 3.1 hectares of eelgrass in the sheltered basin between Lantern Quay and Kittiwake Point, compared with 1.6 hectares in the station's previous count. The meadows had been in decline for at least two decades before that, shrinking as boat moorings, dredging and runoff from the old cannery site churned up the seabed.`,
      `"It's the most encouraging result we've had from the harbour in my time here," said Dr. Helena Strand, the marine ecologist who led the project. "But one good survey is a data point, not a trend. We'll be cautious about what we claim until we see it hold for a few more years."`,
      `Eelgrass is a flowering plant that grows in shallow, sheltered water. Its meadows stabilise sediment, absorb nutrients and give cover to juvenile fish, crabs and seahorses. Scientists also study them for the carbon they lock away in the mud beneath their roots.`,
      `## What the divers counted`,
      `Over eleven weeks, a team of 23 volunteer divers swam 140 fixed survey lines across the basin, recording plant density, leaf length and the animals they encountered. The work was coordinated from the marine station's small research boat and timed around slack water, when visibility is best.`,
      `Among the findings in the report:`,
      [
        `- Eelgrass was present on 61 of the 140 survey lines, up from 34 in 2019.`,
        `- The densest patches were near the eastern breakwater, where the harbour authority replaced traditional chain moorings with seabed-friendly designs four years ago.`,
        `- Divers logged juvenile pollack and wrasse sheltering in the meadows on more than half of their dives.`,
        `- Two short-snouted seahorses were recorded, the first confirmed sightings in the harbour since the station began keeping records.`,
      ].join('\n'),
      `Strand said the mooring change was likely one of several factors. Traditional moorings drag heavy chain across the seabed as boats swing with the tide, scouring circles of bare sand. The replacement designs use a floating line that holds the chain clear of the bottom.`,
      `"You can actually see it from the surface on a calm day," said Owen Teague, the harbour master. "Where the old moorings were, there used to be bald patches like crop circles. Now they're filling in."`,
      `The harbour authority paid for the new moorings with a conservation grant and a contribution from the Port Alder Sailing Club, whose members agreed to the switch in 2020 after a series of meetings with the marine station.`,
      `Improvements to drainage at the former cannery site, completed in 2021, may also have helped by reducing the amount of silt that washes into the basin after heavy rain, the report says. Water clarity measurements taken during the survey were the best in the station's records.`,
      `Not every finding was positive. Divers noted signs of wasting disease on leaves in two areas near the fuel dock, and the meadows in the western part of the basin showed little change. Strand said the team would send leaf samples for laboratory analysis this winter.`,
      `Local fishermen have broadly welcomed the results. Bryony Callister, who runs a small crab boat out of the harbour, said she had noticed more undersized crabs in her pots over the past two seasons, which she returns to the water. "That's the next generation," she said. "If the grass is where they grow up, I'm all for it."`,
      `The marine station plans to repeat the survey every two years and is recruiting volunteers for the next count. Strand said qualified divers and people willing to help with data entry on shore would both be welcome. Printed copies of the full report are available from the station's office on Kittiwake Road and at the town library.`,
    ].join('\n\n'),
  },
  {
    headline: 'Fennick Street bakers pool their ovens in a new cooperative',
    dek: 'Three family bakeries facing rising energy and flour costs have formed a cooperative to share a kitchen, a delivery van and their wholesale orders.',
    section: 'business',
    tags: ['High Street', 'Small Business'],
    authors: ['nadia-ferrow'],
    daysAgo: 2.8,
    heroAlt: 'Abstract illustration of three round loaves side by side in front of a single warm orange oven door',
    heroCaption: 'The three families now bake overnight in one shared kitchen behind the high street.',
    heroCredit: 'Illustration: Ledger graphics desk',
    body: [
      `Three of Port Alder's longest-running family bakeries have combined their production into a single cooperative, saying the move will let them keep their shopfronts open as energy and ingredient costs climb.`,
      `The Fennick Street Bakers' Cooperative began trading this month from a shared kitchen in the former ironmonger's yard behind the high street. The Marsh, Oyelaran and Thwaite families each keep their own shop and recipes, but the three businesses now buy flour together, run one set of large ovens through the night and share a single delivery van.`,
      `"We were three small bakeries each heating a big oven at four in the morning," said Ruth Thwaite, whose grandfather opened the family shop on Fennick Street in 1958. "When the bills came in last winter, we sat down over coffee and asked whether we really needed three."`,
      `Under the cooperative's rules, each family holds an equal share and one vote, and profits from wholesale orders to cafes and the hospital canteen are divided according to hours worked. The members hired two new bakers when the kitchen opened, bringing the total workforce to fourteen.`,
      `Femi Oyelaran, who runs his family's shop with his sister, said the arrangement had already cut the group's energy use by about a third, based on the first month of meter readings. A bulk flour contract with a regional mill has also lowered costs, he said.`,
      `Customers should notice little change, the bakers said. Each shop will continue to sell its own specialities, including the Marsh family's seeded rye and the Oyelarans' coconut bread, which sells out most Saturdays.`,
      `The town's business association welcomed the venture. "High streets in towns like ours lose shops one at a time, and usually quietly," said Colin Ashgrove, the association's chair. "This is three businesses choosing to stay."`,
      `The cooperative is considering opening its kitchen for evening baking classes next year.`,
    ].join('\n\n'),
  },
  {
    headline: 'Port Alder library to open its reading room three evenings a week',
    dek: 'After a volunteer drive and a petition signed by more than 900 residents, the Harbour Street library will stay open until 9 p.m. from next month.',
    section: 'culture',
    tags: ['Library', 'Community'],
    authors: ['nadia-ferrow'],
    daysAgo: 4,
    heroAlt: 'Abstract illustration of a lit library window at dusk, with rows of coloured book spines and a single reading lamp',
    heroCaption: 'The main reading room, public computers and local history collection will all open in the evenings.',
    heroCredit: 'Illustration: Ledger graphics desk',
    body: [
      `The Port Alder Public Library will open until 9 p.m. on Tuesdays, Wednesdays and Thursdays starting next month, the first extension to its hours in more than fifteen years.`,
      `The change follows a petition signed by 934 residents and a volunteer drive that recruited 41 people to help staff the building in the evenings alongside paid librarians. The library currently closes at 5 p.m. on weekdays and at 1 p.m. on Saturdays.`,
      `"We kept hearing the same thing from people: the library is open exactly when I'm at work," said Agnieszka Farrant, the head librarian. "Students, shift workers, parents who can only get out once the children are asleep. Those are people we weren't serving."`,
      `Evening opening will cover the main reading room, the public computers and the local history collection on the first floor. The children's library will keep its daytime hours, though a story session for families will run on Thursday evenings at 6 p.m.`,
      `Each evening shift will include at least one qualified librarian, with volunteers handling returns, helping visitors find material and keeping the study tables in order. Volunteers completed a short training course in October covering the catalogue system, safeguarding and first aid.`,
      `The petition was started last spring by Isaac Penhallow, a 17-year-old sixth-form student who said he had nowhere quiet to revise in the evenings. He collected signatures outside the library and at the Saturday market, and presented the finished petition to the council's culture committee in June.`,
      `"My house is small and loud, which I say with love," he said. "I just wanted a table and some quiet. It turned out a lot of other people did too."`,
      `Among the comments gathered with the petition was a handwritten note left in the library's suggestion box, which Farrant read aloud at the committee meeting and which now hangs framed beside the issue desk:`,
      `> I learned to read English in this building forty years ago, in the evenings, at a class that no longer exists. I work days now. I would like to come back.`,
      `Farrant said the note's author, who asked not to be named, has since signed up as a volunteer.`,
      `The cost of the extra hours, mainly heating, lighting and additional librarian shifts, will be met from the council's culture budget for an initial year. The committee will review visitor numbers next autumn before deciding whether to continue.`,
      `Early signs are promising, Farrant said. A trial evening held in September drew 212 visitors, more than a typical Saturday morning.`,
      `The library is also seeking volunteers for a planned Sunday afternoon opening in the spring. Those interested can sign up at the issue desk.`,
    ].join('\n\n'),
  },
  {
    headline: 'Saltmarsh crew edges Kittiwake in photo finish at Alder Sound Regatta',
    dek: 'The Saltmarsh Rowing Club coxed four won the regatta\'s feature race by less than a quarter of a boat length in blustery conditions on Saturday.',
    section: 'sport',
    tags: ['Rowing', 'Regatta'],
    authors: ['jonah-pelling'],
    daysAgo: 6.5,
    heroAlt: 'Abstract illustration of two narrow rowing boats bow to bow on choppy grey-blue water, oars raised mid-stroke',
    heroCaption: 'The two crews were level with 200 metres of the 1,500-metre course remaining.',
    heroCredit: 'Illustration: Ledger graphics desk',
    body: [
      `The Saltmarsh Rowing Club won the open coxed fours final at the Alder Sound Regatta on Saturday, beating Kittiwake Point Rowing Club by less than a quarter of a boat length after judges studied the finish-line camera for several minutes.`,
      `The result gives Saltmarsh its first win in the regatta's feature race since 2011. The two crews were level with 200 metres remaining on the 1,500-metre course, which runs from the harbour mouth to a finish opposite Lantern Quay.`,
      `"I honestly didn't know who'd won until they read it out," said Saltmarsh stroke Hattie Corrigan. "We'd all stopped breathing by then anyway."`,
      `A stiff south-westerly wind made conditions difficult for much of the afternoon. Officials delayed the start of the junior events by 40 minutes while the wind eased, and two crews in the novice eights were unable to finish after taking on water near the breakwater. Nobody was hurt, and safety boats towed both crews ashore.`,
      `Kittiwake's coach, Ben Aldous, said his crew had no complaints. "We rowed our best race of the season and lost by a few feet. That's sport," he said.`,
      `More than 300 rowers from eleven clubs took part in the regatta, now in its 64th year. Organisers estimated that about 2,500 spectators watched from the quay and the harbour wall.`,
      `Kittiwake did take the women's double sculls and the junior quad, finishing the day with more wins overall than any other club.`,
    ].join('\n\n'),
  },
  {
    headline: 'Harbour Road footbridge to close for three weeks of repairs',
    dek: 'Pedestrians will be diverted to the Cooper Lane crossing while engineers replace corroded steelwork on the footbridge near the railway station.',
    section: 'city',
    tags: ['Roads', 'Town Council'],
    authors: ['tamsin-arkwright', 'jonah-pelling'],
    daysAgo: 8.75,
    heroAlt: 'Abstract illustration of a simple steel footbridge over a road, with orange barriers and a diversion arrow beneath it',
    heroCaption: 'Signs will direct pedestrians to the signal-controlled crossing at Cooper Lane during the closure.',
    heroCredit: 'Illustration: Ledger graphics desk',
    body: [
      `The footbridge that carries pedestrians over Harbour Road between the railway station and Lantern Quay will close for three weeks from Monday while engineers replace corroded steel supports, Port Alder town council said.`,
      `An inspection in the summer found rust damage to two of the bridge's cross-beams, caused largely by salt spray. The council said the bridge remained safe to use in the meantime but that the repairs could not wait until next year.`,
      `During the closure, pedestrians will be directed to the signal-controlled crossing at Cooper Lane, about 150 metres to the east. Temporary signs will mark the route, and a staffed crossing point will operate during the morning and afternoon school runs.`,
      `"We know this is an inconvenience, particularly for people walking to the station," said Philippa Rusk, the council's highways manager. "We've scheduled the work outside the summer season to keep disruption as low as we can."`,
      `Harbour Road will stay open to traffic, though one lane will close overnight on three occasions while a crane lifts the new beams into place. Dates will be posted on the council's noticeboards.`,
    ].join('\n\n'),
  },
]
