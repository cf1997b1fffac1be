// Quotes and speakers: hand-written sentences for each hard case of the quotes issue (no corpus text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, findQuotes, createQuoteMemo, splitLines } from '../../src/core';
import type { LineInfo, Quote } from '../../src/core';

/** Every non-blank line is an article line, unless its text is listed in `boiler`. */
function linesOf(text: string, boiler: string[] = []): LineInfo[] {
  return splitLines(text).map((r, i) => {
    const t = text.slice(r.start, r.end);
    const label = !t.trim() ? 'blank' : boiler.includes(t) ? 'boilerplate' : 'article';
    return { line: i, start: r.start, end: r.end, label, reason: 'test' } as LineInfo;
  });
}

function quotes(text: string, opts: { scareQuotes?: boolean; boiler?: string[] } = {}): Quote[] {
  const qs = findQuotes(text, linesOf(text, opts.boiler), { scareQuotes: opts.scareQuotes });
  for (const q of qs) {
    assert.equal(text.slice(q.start, q.end), q.text, 'quote offsets');
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text, 'speaker offsets');
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text, 'cue offsets');
  }
  return qs;
}

const texts = (qs: Quote[]) => qs.map((q) => q.text);
const speakerOf = (qs: Quote[], start: string) => {
  const q = qs.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting with ${start}: ${JSON.stringify(texts(qs))}`);
  return q!.speaker?.text ?? null;
};

test('curly, straight, doubled apostrophes and doubled curly singles are double marks', () => {
  const t = [
    '“We will win,” Ann Lee said.',
    '"We will win," Ann Lee said.',
    "''We will win,'' Ann Lee said.",
    '‘‘We will win,’’ Ann Lee said.',
  ].join('\n');
  const qs = quotes(t);
  assert.deepEqual(texts(qs), ['“We will win,”', '"We will win,"', "''We will win,''", '‘‘We will win,’’']);
  for (const q of qs) assert.equal(q.speaker?.text, 'Ann Lee');
});

test('mixed and mismatched marks: “…" and “Frozen“ and ”…” at the start', () => {
  const qs = quotes('The mayor called it “a total failure" on Monday.\nShe watched “Frozen“ twice.\n”like women were,” the memo said.');
  assert.deepEqual(texts(qs), ['“a total failure"', '“Frozen“', '”like women were,”']);
});

test('single marks count outside double quotes when they pair (headline), not inside', () => {
  const qs = quotes('Trump: ‘We Will Win’ in November.\n“He told me ‘never again’ last week,” she said.');
  assert.deepEqual(texts(qs), ['‘We Will Win’', '“He told me ‘never again’ last week,”']);
  assert.equal(qs[0].speaker?.text, 'Trump');
  assert.equal(qs[1].speaker?.text, 'she');
});

test('apostrophes and elisions are not quote marks', () => {
  const t = "Back in the ’90s the voters’ mood was different, and 'em folks don’t forget. Rock 'n' roll, 'til dawn.";
  assert.deepEqual(texts(quotes(t)), []);
  const t2 = 'The candidates’ ‘big promise’ was repeated.';
  assert.deepEqual(texts(quotes(t2)), ['‘big promise’']);
});

test('feet-and-inch primes are not quotes', () => {
  const qs = quotes('He is 6’2” and she is 5\'9" tall, the coach said "twice."');
  assert.deepEqual(texts(qs), ['"twice."']);
});

test('nested quotes are inside one maximal piece', () => {
  const qs = quotes('“They were wearing “Settle For Hillary” shirts,” he said.\n"I said \'no\' to them," she added.');
  assert.deepEqual(texts(qs), ['“They were wearing “Settle For Hillary” shirts,”', '"I said \'no\' to them,"']);
  assert.equal(qs[0].speaker?.text, 'he');
  assert.equal(qs[1].speaker?.text, 'she');
});

test('multi-paragraph quote: one piece per paragraph, open pieces run to the paragraph end, one speaker', () => {
  const t = 'Rep. Jim Doe (D-Ohio) added:\n\n“If we do nothing, nothing changes.  \n\n“We have to act now. We cannot wait.”\n\nThe vote is Tuesday.';
  const qs = quotes(t);
  assert.deepEqual(texts(qs), ['“If we do nothing, nothing changes.', '“We have to act now. We cannot wait.”']);
  assert.equal(qs[0].speaker?.text, 'Rep. Jim Doe (D-Ohio)');
  assert.equal(qs[1].speaker?.text, 'Rep. Jim Doe (D-Ohio)');
});

test('a quote of four paragraphs is one chain: every paragraph gets the speaker; a transcript label starts a new one', () => {
  const t = '"First part of a long quote," said Omar Siddiq.\n\n"Second part.\n\n"Third part.\n\n"Fourth part, closing."\n\nThe weather was mild.';
  const qs = quotes(t);
  assert.deepEqual(texts(qs), ['"First part of a long quote,"', '"Second part.', '"Third part.', '"Fourth part, closing."']);
  for (const q of qs) assert.equal(q.speaker?.text, 'Omar Siddiq');
  const tr = quotes('"WALLACE: Will she be there?\n\n"PENCE: No, she will not.\n\n"But he will.\n\n"And so will I."');
  assert.deepEqual(tr.map((q) => q.speaker?.text), ['WALLACE', 'PENCE', 'PENCE', 'PENCE']);
});

test('a single-mark quote of several paragraphs (British style): the open paragraphs are quotes, the last one is no subhead', () => {
  const t = [
    'Polly Nguyen, the charity’s chief executive, said: ‘Every week we speak to families who are one pay cheque away.',
    '',
    '‘Many of them are working full-time. They’ve done everything right.',
    '',
    '‘And still they’re being priced out.’',
    '',
    "'I was told it would be fine.",
    '',
    "'It wasn't.'",
    '',
    'The weather was mild. She had a ‘plan’ and a car.',
  ].join('\n');
  const qs = quotes(t);
  assert.deepEqual(texts(qs), [
    '‘Every week we speak to families who are one pay cheque away.',
    '‘Many of them are working full-time. They’ve done everything right.',
    '‘And still they’re being priced out.’',
    "'I was told it would be fine.",
    "'It wasn't.'",
    '‘plan’',
  ]);
  for (const q of qs.slice(0, 3)) assert.equal(q.speaker?.text, 'Polly Nguyen, the charity’s chief executive');
  assert.equal(qs[4].kind, 'quote');
  // an opening single mark that no paragraph continues is not a quote
  assert.deepEqual(texts(quotes('He said: ‘Every week we speak to families.\n\nThe weather was mild.')), []);
});

test('a nested-looking opening mark left open is reread as a missing closing mark', () => {
  const t = '“We are done here, she said “and that is final.\n\nThe meeting ended.';
  const qs = quotes(t);
  assert.deepEqual(texts(qs), ['“We are done here, she said “']);
});

test('quotes inside boilerplate lines are not returned', () => {
  const t = 'Share this: "Click here to subscribe"\n“Taxes will rise,” the senator said.';
  const qs = quotes(t, { boiler: ['Share this: "Click here to subscribe"'] });
  assert.deepEqual(texts(qs), ['“Taxes will rise,”']);
});

test('markup attributes are not quotes', () => {
  const qs = quotes('<tweet author="someone" id="1">Great rally tonight</tweet> and "a real win," he said.');
  assert.deepEqual(texts(qs), ['"a real win,"']);
});

test('scare quotes, titles, nicknames and words-as-words: kind scare, hidden when the setting is off', () => {
  const t = [
    'He appeared on CBS\'s "Face the Nation" on Sunday.',
    'Rep. Robert C. "Bobby" Scott opened the doors.',
    'The site sold “miracle” diet pills.',
    'Voters asked whether "she" is a "he" in the ad.',
  ].join('\n');
  const all = quotes(t);
  assert.equal(all.length, 5);
  for (const q of all) assert.equal(q.kind, 'scare', q.text);
  assert.deepEqual(all.map((q) => q.scareReason), ['title', 'nickname', 'modifier', 'mention', 'mention']);
  for (const q of all) assert.equal(q.speaker, null);
  assert.deepEqual(quotes(t, { scareQuotes: false }), []);
});

test('a term after so-called is scare without a cue; a single-mark title after a title noun is scare', () => {
  const t = [
    'The so-called "bathroom bill" has been stalled in committee since March.',
    '',
    'Mr Obama called for taxing so-called "pass through" income.',
    '',
    'The critic Mark Osei, whose documentary ‘Rent Day’ was shortlisted, said the debate was long.',
  ].join('\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => q.kind), ['scare', 'quote', 'scare']);
  assert.equal(qs[1].speaker?.text, 'Mr Obama');
});

test('short quotes with an attribution cue stay quotes', () => {
  const qs = quotes('Trump called the plan “a disaster” on Friday.\nShe says people are "sad."', { scareQuotes: false });
  assert.deepEqual(texts(qs), ['“a disaster”', '"sad."']);
  assert.equal(qs[0].kind, 'quote');
  assert.equal(qs[0].speaker?.text, 'Trump');
  assert.equal(qs[1].speaker?.text, 'She');
});

test('cue verbs beyond said: told, wrote, asked, argued, insisted, noted, warned, tweeted', () => {
  const t = [
    '“It is over,” Maria Gomez told reporters.',
    '“It is over,” wrote the columnist Tom Hale.',
    '“Is it over?” asked Sen. Amy Park.',
    'The governor argued that the law was “plainly unconstitutional.”',
    '“We are ready,” the mayor insisted.',
    'Dr. Lin noted that the drug was “not approved for children.”',
    'The agency warned of “severe delays” ahead.',
    'Jones tweeted that the vote was “rigged.”',
  ].join('\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => q.speaker?.text ?? null), ['Maria Gomez', 'the columnist Tom Hale', 'Sen. Amy Park', 'The governor', 'the mayor', 'Dr. Lin', 'The agency', 'Jones']);
});

test('according to, in a statement, colon and dash attributions', () => {
  const t = [
    'According to the Justice Department, the scheme was “massive and deliberate.”',
    'In a statement, the Acme Corporation said it was “deeply sorry.”',
    'The White House said: “No decision has been made.”',
    '“We need the money for the schools.” ― Pamela Ortiz',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.text, 'the Justice Department');
  assert.equal(qs[0].cue?.text, 'According to');
  assert.equal(qs[1].speaker?.text, 'the Acme Corporation');
  assert.equal(qs[2].speaker?.text, 'The White House');
  assert.equal(qs[3].speaker?.text, 'Pamela Ortiz');
  assert.equal(qs[3].cue?.text, '―');
});

test('"… — that was the message from X": the speaker follows the cue, as after `according to`', () => {
  const t = [
    '“We will not back down” — that was the message from Mayor Jane Smith on Monday.',
    '“The strike goes on,” was the message from union leader Tom Baker.',
    'He read the message from his mother: “Come home.”',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.text, 'Mayor Jane Smith');
  assert.equal(qs[0].cue?.text, 'message from');
  assert.equal(qs[1].speaker?.text, 'union leader Tom Baker');
  assert.equal(qs[2].speaker?.text, 'He');
});

test('"Those were the words of X" after a quote names its speaker; `words of encouragement` names nobody', () => {
  const t = [
    'The council met on Monday.',
    '"We will rebuild this bridge this year," she said. Those were the words of Jane Smith, the mayor of Riverton, at a packed town hall.',
    '"Nobody will be left behind." Those were the words of Tom Baker, the council leader.',
    'In the words of John I. Smith, taken from his textbook, Circuit Design:',
    '"Integral calculus is no barrier."',
    'The meeting ended at nine.',
    '"Keep going, all of you." Those were her words of encouragement.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We will'), 'she');
  assert.equal(qs.find((q) => q.text.startsWith('"We will'))?.speaker?.resolved, 'Jane Smith, the mayor of Riverton');
  assert.equal(speakerOf(qs, '"Nobody'), 'Tom Baker, the council leader');
  assert.equal(speakerOf(qs, '"Integral'), 'John I. Smith');
  assert.equal(speakerOf(qs, '"Keep going'), null);
});

test('`said the UN secretary-general, António Guterres` and `according to a statement from X` are whole speakers', () => {
  const t = '"We need a ceasefire now," said the UN secretary-general, António Guterres.\n\n“The grid performed as designed,” according to a statement from the Public Utility Commission of Texas.';
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We need'), 'the UN secretary-general, António Guterres');
  assert.equal(speakerOf(qs, '“The grid'), 'a statement from the Public Utility Commission of Texas');
});

test('a role and its `for`/`at`/`of` phrase are one speaker: `A spokeswoman for the company said`, `said an analyst at Barclays`', () => {
  const t = [
    'A spokeswoman for the company said: "We do not comment on rumours."',
    '"Prices will fall," said a spokesman for the ministry.',
    '"It is a mess," said an analyst at Barclays.',
    '"The hospitals are coping," according to experts at the institute.',
    '"We will appeal," the Bank of England said.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We do not'), 'A spokeswoman for the company');
  assert.equal(speakerOf(qs, '"Prices'), 'a spokesman for the ministry');
  assert.equal(speakerOf(qs, '"It is a mess'), 'an analyst at Barclays');
  assert.equal(speakerOf(qs, '"The hospitals'), 'experts at the institute');
  assert.equal(speakerOf(qs, '"We will appeal'), 'the Bank of England');
});

test('two quotes in one sentence: the first one\'s attribution does not speak for the second (`"…," said Lee, while Park insisted: "…"`)', () => {
  const t = [
    '"We start at dawn," said Lee, while Park insisted: "Not before nine."',
    '"It will be efficient," said Bajaj, adding that the car will suit "city" driving.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We start'), 'Lee');
  assert.equal(speakerOf(qs, '"Not before'), 'Park');
  assert.equal(speakerOf(qs, '"It will be'), 'Bajaj');
  const city = qs.find((q) => q.text === '"city"');
  assert.ok(!city || city.kind === 'scare' || city.speaker?.text === 'Bajaj');
});

test('a speech verb inside a relative clause on the speaker is not the attribution (`…," a senior official, who asked not to be named, told the FT`)', () => {
  const t = [
    '"The project is dead," a senior official, who asked not to be named, told the Financial Times.',
    '"We will win," Ann Lee, who warned last year that the plan would fail, said on Monday.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"The project'), 'a senior official, who asked not to be named');
  assert.equal(qs[0].cue?.text, 'told');
  assert.equal(qs[1].cue?.text, 'said');
});

test('a speech participle after a medium in an opening phrase is not the verb (`In a video posted online, the commander said:`)', () => {
  const t = [
    'In a Facebook message posted Friday, Cruz said he had "areas of significant disagreement" with Trump.',
    'In a video posted online, the rebel commander said:',
    '"We will take the city within a week."',
    'The Foreign Office memo cited a warning that the US would not tolerate threats from "under-populated" countries.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"areas'), 'Cruz');
  assert.equal(speakerOf(qs, '"We will take'), 'the rebel commander');
  const memo = qs.find((q) => q.text === '"under-populated"');
  assert.ok(!memo || memo.kind === 'scare' || memo.speaker?.text === 'The Foreign Office memo');
});

test('a participle phrase between commas after the speaker is not part of it (`Smith, speaking on BBC Radio 4, said`)', () => {
  const t = [
    "Smith, speaking on BBC Radio 4's Today programme, said: \"The figures are wrong.\"",
    '"We are still here," Mr. Obi, speaking from his home in Lagos, said.',
    '"We will win," Ann Lee, a former minister, said.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"The figures'), 'Smith');
  assert.equal(speakerOf(qs, '"We are still'), 'Mr. Obi');
  assert.equal(speakerOf(qs, '"We will win'), 'Ann Lee, a former minister');
});

test('`said another`, `asked one`: a determiner alone after the verb is the speaker', () => {
  const t = '"It\'s a disgrace," said one fan. "We deserve better," said another. "Where today?" asked one, "can you walk home safely?"';
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"It\'s'), 'one fan');
  assert.equal(speakerOf(qs, '"We deserve'), 'another');
  assert.equal(speakerOf(qs, '"Where'), 'one');
  assert.equal(speakerOf(qs, '"can you'), 'one');
});

test('`as X put it` attributes like a speech verb; `put it back in the drawer` does not', () => {
  const t = [
    'As one voter put it: "We are tired of being ignored."',
    '"It is a circus," as one MP put it.',
    'Or, as the coach put it after the game, "we were awful."',
    'She said the country was "the Florida of judges", as she put it bluntly.',
    'He took the "lucky" coin and put it back in the drawer.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We are tired'), 'one voter');
  assert.equal(speakerOf(qs, '"It is a circus'), 'one MP');
  assert.equal(speakerOf(qs, '"we were awful'), 'the coach');
  assert.equal(qs.find((q) => q.text.startsWith('"the Florida'))?.cue?.text, 'said');
  const coin = qs.find((q) => q.text === '"lucky"');
  assert.ok(!coin || coin.kind === 'scare' || coin.cue?.text !== 'put it');
});

test('a title\'s modifier after a possessive or determiner stays in the speaker (`its finance chief Lars Dahl told`)', () => {
  const t = [
    'The airline expects demand to recover, its finance chief Lars Dahl told the BBC. "Bookings are up," he said.',
    '"We have a plan," the club\'s football director Ian Holt said.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(qs.find((q) => q.text.startsWith('"Bookings'))?.speaker?.resolved, 'its finance chief Lars Dahl');
  assert.equal(speakerOf(qs, '"We have a plan'), "the club's football director Ian Holt");
});

test('French, Spanish, Italian and German speech verbs with accents or an auxiliary (`a déclaré`, `afirmó`, `ha detto`, `hat gesagt`)', () => {
  const t = [
    "« Nous ne céderons pas », a déclaré le ministre de l'Intérieur.",
    'Le maire a dit : « La ville est prête. »',
    "« C'est un scandale », a-t-il ajouté.",
    '"No vamos a rendirnos", afirmó el presidente Pedro Sánchez.',
    '"Non ci arrenderemo", ha detto il premier Giorgia Meloni.',
    '„Die Lage ist ernst“, erklärte Innenminister Nancy Faeser.',
    'Der Kanzler hat gesagt: „Wir schaffen das.“',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '« Nous'), "le ministre de l'Intérieur");
  assert.equal(speakerOf(qs, '« La ville'), 'Le maire');
  assert.equal(speakerOf(qs, "« C'est"), 'il');
  assert.equal(speakerOf(qs, '"No vamos'), 'el presidente Pedro Sánchez');
  assert.equal(speakerOf(qs, '"Non ci'), 'il premier Giorgia Meloni');
  assert.equal(speakerOf(qs, '„Die Lage'), 'Innenminister Nancy Faeser');
  assert.equal(speakerOf(qs, '„Wir'), 'Der Kanzler');
});

test('`The statement read: "…"`: the document is the speaker, `read` the cue', () => {
  const t = ['The statement read: "The club regrets the decision."', 'The letter read:', '"We will not pay."'].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"The club'), 'The statement');
  assert.equal(qs[0].cue?.text, 'read');
  assert.equal(speakerOf(qs, '"We will not'), 'The letter');
});

test('appositive speakers: `X, a …, said` and `said X, a …`', () => {
  const t = [
    '“This is not reform,” said Douglas Holt, an economist at the Budget Institute.',
    '“It is an invasion,” Scott Pratt, the attorney general of Oklahoma, said at the event.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.text, 'Douglas Holt, an economist at the Budget Institute');
  assert.equal(qs[1].speaker?.text, 'Scott Pratt, the attorney general of Oklahoma');
});

test('speaker in the neighbouring sentence or paragraph', () => {
  const t = [
    '“Yesterday there were two polls,” said Caddell. “Both had the same numbers.”',
    '',
    '“Does anyone know the plan?” Graham asked. “Neither do I.”',
    '',
    'The administration may wait, Schiff said. "The other factor is timing."',
    '',
    'Caddell continued:',
    '',
    '"The health issue is partisan."',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '“Both'), 'Caddell');
  assert.equal(speakerOf(qs, '“Does'), 'Graham');
  assert.equal(speakerOf(qs, '“Neither'), 'Graham');
  assert.equal(speakerOf(qs, '"The other'), 'Schiff');
  assert.equal(speakerOf(qs, '"The health'), 'Caddell');
});

test('a subhead between quote paragraphs ends the passing on of the speaker: dropped as boilerplate or a quoted subhead', () => {
  const t = [
    'Ross Finnie, the party spokesman, said: "It would be acceptable to make improvements."',
    'The manifesto',
    '"We will abolish the agency and set up three trusts."',
    '"We have waited far too long for this," said council leader Tom Baker.',
    '"The wall will be finished before next winter."',
    "'A disaster waiting to happen'",
    '"Nobody can tell me where the money is coming from."',
    '"It is a good plan," Baker said.',
    'Story continues below',
    '"And I will defend it."',
  ].join('\n');
  // the boilerplate pass dropped the subhead as a short fragment; the ad line is furniture, not a subhead
  const lines = linesOf(t).map((l) => {
    const s = t.slice(l.start, l.end);
    if (s === 'The manifesto') return { ...l, label: 'boilerplate', reason: 'short-fragment' } as LineInfo;
    if (s === 'Story continues below') return { ...l, label: 'boilerplate', reason: 'ad-marker' } as LineInfo;
    return l;
  });
  const qs = findQuotes(t, lines, {});
  assert.equal(speakerOf(qs, '"It would'), 'Ross Finnie, the party spokesman');
  assert.equal(speakerOf(qs, '"We will abolish'), null);
  assert.equal(speakerOf(qs, '"The wall'), 'council leader Tom Baker');
  assert.equal(qs.find((q) => q.text.startsWith("'A disaster"))?.kind, 'scare');
  assert.equal(speakerOf(qs, '"Nobody'), null);
  assert.equal(speakerOf(qs, '"And I will'), 'Baker');
});

test('a bare quote paragraph after a quote paragraph whose long tail is only its own attribution gets that speaker', () => {
  const t = [
    '"I would suggest this week is fairly important for the club," said Maurice, who might be further pressured to win with the club president also making the trip.',
    '"Mr. Peddie\'s travel plans are not related to anything here."',
    '(AP) "The Great Debaters," a film based on the real-life victories of a black debating team, topped the list of nominees announced on Tuesday.',
    '"Girlfriends" and "Everybody Hates Chris" led TV nominees.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"Mr. Peddie'), 'Maurice, who might be further pressured to win with the club president also making the trip');
  const g = qs.find((q) => q.text === '"Girlfriends"');
  assert.ok(!g || !g.speaker);
});

test('a bare quote paragraph after a paraphrase paragraph; a whole-sentence quote attributed at the start of the next sentence', () => {
  const t = [
    'Mayor Ellen Park said the decision was final and would not be revisited.',
    '',
    '"We will not change our minds. The budget is set."',
    '',
    'New features being added to the line this spring include live traffic.',
    '',
    '"We are excited about the breadth of it."',
    '',
    'Her successor has not been named. "I hope whoever it is enjoys it as much as I did." Morrow said that was her only advice.',
    '',
    '"We will not back down." That was the message from Attorney General Rosa Delgado on Friday.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We will not change'), 'Mayor Ellen Park');
  assert.equal(speakerOf(qs, '"We are excited'), null);
  assert.equal(speakerOf(qs, '"I hope'), 'Morrow');
  assert.equal(speakerOf(qs, '"We will not back'), 'Attorney General Rosa Delgado');
});

test('a quote ending its paragraph after a paraphrase sentence gets the paraphrase\'s subject (`Miles says the drought … . "I can\'t go on."`)', () => {
  const t = [
    'Miles says the drought has cost him half his herd. "I can\'t go on like this."',
    'King added that the partnership has been good for both companies. "Dell\'s storage business was never this good. And EMC got into small business."',
    '"I hope so." Anakin explained, adding nothing. "I don\'t think she liked it."',
    '"What is she thinking?" Obi-Wan looked towards the door.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"I can'), 'Miles');
  assert.equal(speakerOf(qs, '"Dell'), 'King');
  // (a paraphrase attribution is not passed on to the next paragraph)
  assert.equal(speakerOf(qs, '"What is she'), null);
});

test('a possessive determiner alone is no speaker (`My family loved "The Camp"`), but `His comments were "…"` keeps it', () => {
  const t = [
    'My family loved "The Camp" and went back every summer.',
    'His comments were "outrageous and false," the senator later admitted.',
    'Her message to voters was simple — "vote, whatever you vote".',
  ].join('\n');
  const qs = quotes(t);
  const camp = qs.find((q) => q.text === '"The Camp"');
  assert.ok(!camp || !camp.speaker, JSON.stringify(camp?.speaker));
  assert.notEqual(speakerOf(qs, '"outrageous'), null);
});

test('`X describes Y as "…"`: the verb before `as` is the cue, a participle\'s speaker is the sentence subject', () => {
  const t = [
    'The education minister, Helen Baptiste, is facing calls to apologise after describing striking teachers as "lazy" on air.',
    '',
    'Residents have complained about noise, and one neighbour, Geoffrey Baines, 71, describes the crowds as "a nightmare".',
    '',
    'Trump said that Clinton once described the deal as "the gold standard" of trade deals.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"lazy"'), 'The education minister, Helen Baptiste');
  assert.equal(speakerOf(qs, '"a nightmare"'), 'Geoffrey Baines, 71');
  assert.equal(speakerOf(qs, '"the gold'), 'Trump');
});

test('transcript labels inside the quote name the speaker', () => {
  const qs = quotes('"WALLACE: Will she be there?\n\n"PENCE: No, she will not."');
  assert.equal(qs[0].speaker?.text, 'WALLACE');
  assert.equal(qs[1].speaker?.text, 'PENCE');
});

test('pronoun and surname speakers resolve to the full name named earlier', () => {
  const t = [
    'Russian Deputy Foreign Minister Sergey Ryabkov spoke on Tuesday.',
    '“Sanctions do not help,” Ryabkov said.',
    '“We will respond,” he added.',
  ].join('\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.text, 'Ryabkov');
  assert.equal(qs[0].speaker?.resolved, 'Sergey Ryabkov, Russian Deputy Foreign Minister');
  assert.equal(qs[1].speaker?.text, 'he');
  assert.equal(qs[1].speaker?.resolved, 'Sergey Ryabkov, Russian Deputy Foreign Minister');
});

test('a pronoun speaker at the start of a paragraph resolves to the person the paragraph before is about', () => {
  const t = [
    '"We will rebuild," said council leader Tom Baker.',
    'Lisa Chen runs a small bakery in Leeds.',
    '"Prices of flour have doubled since January," she told the Guardian.',
    '"Some weeks I do not pay myself at all."',
    'Rep. Trey Gowdy of South Carolina said the committee should work like a court.',
    '"That is not the way it works," he said.',
    'The State Department issued a travel warning.',
    '"We urge him to lift it," he said.',
    'That Verbeek lives in Australia helps. Covic believes fresh eyes work in his favour.',
    '"Having him here helps," he says.',
  ].join('\n');
  const qs = quotes(t);
  const res = (start: string) => qs.find((q) => q.text.startsWith(start))?.speaker?.resolved;
  assert.equal(res('"Prices'), 'Lisa Chen');
  assert.equal(res('"Some weeks'), 'Lisa Chen');
  assert.equal(res('"That is not'), 'Rep. Trey Gowdy of South Carolina');
  // not a person: the nearest speaker quoted before, as without the paragraph
  assert.equal(res('"We urge'), 'Rep. Trey Gowdy of South Carolina');
  assert.equal(res('"Having him'), 'Rep. Trey Gowdy of South Carolina');
});

test('pronoun resolution: a lowercase role and a name quoted before, one who reports speech in the paragraph before, no subordinator taken for a first name', () => {
  const t = [
    '"We have waited far too long," said council leader Tom Baker, who has campaigned for the wall.',
    '"The wall will be finished before winter," he said.',
    'Portsmouth director Joe Jordan spoke after training.',
    'Jordan said he knew of no plans to sell the club.',
    '"Things will go on as planned," he said.',
    'While Selectman Tom White listened, the vote went ahead.',
    'White said he hoped more taxes would be paid.',
    '"We are a poor town," he said.',
  ].join('\n');
  const qs = quotes(t);
  const res = (start: string) => qs.find((q) => q.text.startsWith(start))?.speaker?.resolved;
  assert.equal(res('"The wall'), 'council leader Tom Baker, who has campaigned for the wall');
  assert.equal(res('"Things'), 'Joe Jordan, Portsmouth director');
  assert.equal(res('"We are a poor'), 'Selectman Tom White');
});

test('a description then the name between commas is one speaker; a reported clause after `said` is not an inverted speaker', () => {
  const t = [
    'Her neighbour, Peter Dunmore, said the water had come up "faster than anyone expected".',
    "In mitigation, Pell's barrister, Helen Crow KC, said her client was \"deeply ashamed\".",
    'Outside court, the charity\'s chief executive, Martin Lowe, said: "We will keep going."',
    'A spokesman for the governor, Alan Voss, said: "No comment at this time."',
    'Her former clerk, Samuel Okoye, said Morrow had been "tough but always fair".',
    'Okoye said Morrow had been "strict".',
    "Asked about Pickens' comments, Harlan said he had \"a lot of respect\" for her.",
    'Then said Obama in a statement: "We will win."',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"faster'), 'Her neighbour, Peter Dunmore');
  assert.equal(speakerOf(qs, '"deeply'), "Pell's barrister, Helen Crow KC");
  assert.equal(speakerOf(qs, '"We will keep'), "the charity's chief executive, Martin Lowe");
  assert.equal(speakerOf(qs, '"No comment'), 'A spokesman for the governor, Alan Voss');
  assert.equal(speakerOf(qs, '"tough'), 'Her former clerk, Samuel Okoye');
  assert.equal(speakerOf(qs, '"strict'), 'Okoye');
  assert.equal(speakerOf(qs, '"a lot'), 'Harlan');
  assert.equal(speakerOf(qs, '"We will win'), 'Obama');
  // the possessive at the start is not resolved as the speaker
  assert.equal(qs.find((q) => q.text.startsWith('"faster'))!.speaker?.resolved, undefined);
});

test('a pronoun speaker: the person named in the sentence before, of the pronoun\'s gender, not the last one quoted', () => {
  const t = [
    '"The budget is fine," said Jennifer Lisle, a council spokeswoman.',
    'The mayor, Denise Hartung, was less diplomatic. "They bought it and they broke it," she said.',
    'Local MP David Kettering disagreed. "People here have heard those words before," he said.',
    'Paul Mercado said the comments were "insulting". He told ITV News: "She should apologise."',
    '"We are ready," said Mary Collins. "I saw it," he said, pointing at Mercado.',
  ].join('\n\n');
  const qs = quotes(t);
  const res = (start: string) => qs.find((q) => q.text.startsWith(start))!.speaker?.resolved;
  assert.equal(res('"They bought'), 'The mayor, Denise Hartung');
  assert.equal(res('"People here'), 'Local MP David Kettering');
  assert.equal(res('"She should'), 'Paul Mercado');
  // `he` after Mary Collins: the nearest man quoted before her
  assert.equal(res('"I saw it'), 'Paul Mercado');
});

test('headline speakers: `Name: … ‘quote’` and `Name Says … ‘quote’`', () => {
  const qs = quotes('Pat Kline: Voters Are Worried; It Is ‘All in Their Heads.’\n\nObama Sees ‘Personal Insult’ in Low Turnout');
  assert.equal(qs[0].speaker?.text, 'Pat Kline');
  assert.equal(qs[1].speaker?.text, 'Obama');
});

test('a headline opening with a quote and a colon: no speaker from a verb after the colon, one right after it', () => {
  const qs = quotes("'We were robbed': Fury as late penalty denies Town\n\n‘We will be back’: Redfern says his side will recover");
  assert.equal(speakerOf(qs, "'We were robbed'"), null);
  assert.equal(speakerOf(qs, '‘We will be back’'), 'Redfern');
});

test('memo gives the same result and is filled per paragraph', () => {
  const t = '“One,” she said.\n\nNo quotes here.\n\n“Two,” he said. “Three.”';
  const memo = createQuoteMemo();
  const a = findQuotes(t, linesOf(t), { memo });
  const b = findQuotes(t, linesOf(t), { memo });
  const c = findQuotes(t, linesOf(t));
  assert.deepEqual(a, c);
  assert.deepEqual(b, c);
  assert.ok(memo.paragraphs.size >= 2);
});

test('long lines with many marks stay fast (no quadratic blow-up)', () => {
  const para = Array.from({ length: 400 }, (_, i) => `“Point ${i},” said Official ${i}. It's the voters’ choice. `).join('');
  const t = (para + '\n').repeat(5);
  const t0 = Date.now();
  const qs = quotes(t);
  const ms = Date.now() - t0;
  assert.equal(qs.length, 2000);
  assert.ok(ms < 2000, `took ${ms} ms`);
});

test('guillemets: «quote» counts, navigation arrows do not', () => {
  assert.deepEqual(texts(quotes('« Previous\n» Email this article\nShe called it «a disgrace» on air.')), ['«a disgrace»']);
});

test('French typography: « quote » with spaces inside counts (navigation arrows still do not); German, Spanish and French "said"', () => {
  const fr = quotes('« Nous devons agir vite », dit le ministre Bruno Le Maire.\nLes syndicats restent prudents. «\u00a0C\'est un premier pas, mais ce n\'est pas suffisant\u00a0», estime Marie Lefèvre, de la CGT.\n« Previous | Next »\n« Précédent Suivant »\n« Crank up your speakers | Main | Black and white photos »\nSee « www.example.org/tools/find a post office »');
  assert.deepEqual(texts(fr), ['« Nous devons agir vite »', '«\u00a0C\'est un premier pas, mais ce n\'est pas suffisant\u00a0»']);
  assert.equal(speakerOf(fr, '« Nous'), 'le ministre Bruno Le Maire');
  assert.equal(speakerOf(fr, '«\u00a0C\'est'), 'Marie Lefèvre');
  const de = quotes('„Das ist ein guter Tag für den Klimaschutz“, sagte Bundeswirtschaftsminister Robert Habeck nach der Abstimmung.\n«Es un buen día para la economía», dijo el ministro Carlos Cuerpo en Madrid.');
  assert.equal(speakerOf(de, '„Das'), 'Bundeswirtschaftsminister Robert Habeck');
  assert.equal(speakerOf(de, '«Es'), 'el ministro Carlos Cuerpo');
});

test('a capitalised cue word after a name is a name (Edward Said), and empty marks are not quotes', () => {
  const qs = quotes('The scholar Edward Said wrote that the term "orientalism" was loaded.\nThe form showed "" twice.');
  assert.deepEqual(texts(qs), ['"orientalism"']);
  assert.notEqual(qs[0].cue?.text, 'Said');
});

test('a 300 KB single line full of quotes and apostrophes stays linear', () => {
  const unit = 'He said it’s “fine” and then “It is not over yet,” she added. Voters’ hopes were "high" and the 6’2” guard agreed. ';
  const t = unit.repeat(Math.ceil(300_000 / unit.length));
  const t0 = Date.now();
  const qs = quotes(t);
  const ms = Date.now() - t0;
  assert.ok(qs.length > 7000);
  assert.ok(ms < 8000, `took ${ms} ms`);
});

test('property: on random mark soup, pieces stay inside one article line, do not overlap, offsets are sound, memo agrees', () => {
  const alphabet = ['“', '”', '"', "'", '‘', '’', "''", '«', '»', ' ', ' ', 'a', 'Bo', 'said', 'he', 'Ann Lee', ',', '.', ':', '\n', '\n\n', '6', '―', '<b x="y">'];
  const memo = createQuoteMemo();
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (parts) => {
      const t = parts.join('');
      const lines = linesOf(t);
      const qs = findQuotes(t, lines, {});
      let last = -1;
      for (const q of qs) {
        assert.ok(q.start >= 0 && q.end <= t.length && q.start < q.end);
        assert.equal(t.slice(q.start, q.end), q.text);
        assert.ok(!q.text.includes('\n'), 'a piece never crosses a line');
        assert.ok(q.start >= last, 'pieces do not overlap');
        last = q.end;
        if (q.speaker) assert.equal(t.slice(q.speaker.start, q.speaker.end), q.speaker.text);
      }
      assert.deepEqual(findQuotes(t, lines, { memo }), qs);
    }),
    { numRuns: 300 },
  );
});

test('a speaker named with a description after a comma resolves to the full name given earlier (the span keeps the description)', () => {
  const text = [
    'Roger Federer reached the final in Paris on Sunday.',
    '"I feel fresh, I feel fit," said Federer, who has never won the French Open.',
    '',
  ].join('\n');
  const a = analyze(text, { entities: false });
  const q = a.quotes.find((x) => x.text.includes('I feel fresh'));
  assert.ok(q && q.speaker, JSON.stringify(a.quotes));
  assert.match(q.speaker.text, /^Federer, who has never won/);
  assert.equal(q.speaker.resolved, 'Roger Federer');
});

test('a dateline in capitals before a sentence with its own speech verb is no speaker; a transcript label still is', () => {
  const t = [
    'NEW DELHI: Union Finance Minister Nirmala Sitharaman on Tuesday said the government was "committed to fiscal prudence".',
    'MILLER: "I never said that."',
    'SUSAN DENTZER: So, when did you first say to yourself, "There must be a better way"?',
    'KOLKATA: The chief minister said: "We will fight."',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => q.speaker?.text ?? null), ['Union Finance Minister Nirmala Sitharaman', 'MILLER', 'SUSAN DENTZER', 'The chief minister']);
});

test('a time phrase between the subject and the verb (`X on Tuesday said`, `X yesterday said`) is skipped, not after an auxiliary', () => {
  const t = [
    'Chelsea boss Enzo Maresca on Friday night said his side were "not ready" to challenge.',
    'Frank Hall yesterday said it was "a daft idea".',
    'Lerner on Wednesday insisted that "I have not done anything wrong."',
    'Her "remarkable" revelation on Monday has continued to puzzle us, wrote nobody.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"not ready"'), 'Chelsea boss Enzo Maresca');
  assert.equal(speakerOf(qs, '"a daft'), 'Frank Hall');
  assert.equal(speakerOf(qs, '"I have not'), 'Lerner');
  assert.notEqual(speakerOf(qs, '"remarkable"'), 'Her');
});

test('a spaced dash ends a speaker phrase (datelines, asides); a clause after `, while X` has its own speaker', () => {
  const t = [
    'Talking of the cup - the first leg is tonight at Stamford Bridge - Blues midfielder Joe Cole said: "This is an opportunity."',
    'OTTAWA - Karlheinz Schreiber told the committee the former prime minister was in "desperate shape".',
    'Washington on Tuesday warned Iran against threatening moves, while Tehran denied anything other than "routine" contacts.',
    'Google lawyer Michael Kwun said the company was pleased, but added: "We will defend the claims."',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"This is'), 'Blues midfielder Joe Cole');
  assert.equal(speakerOf(qs, '"desperate'), 'Karlheinz Schreiber');
  assert.equal(speakerOf(qs, '"routine"'), 'Tehran');
  assert.equal(speakerOf(qs, '"We will defend'), 'Google lawyer Michael Kwun');
});

test('a passive attribution: `"…" was the advice from X`, `was the warning from X`; not `Following advice from police, X said`', () => {
  const t = [
    '"Don\'t make it easy for them" was the advice from Sergeant Paul Wright.',
    '"Stay away from the river" was the warning from the fire service on Sunday.',
    'Following advice from police, residents said "we are scared".',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"Don'), 'Sergeant Paul Wright');
  assert.equal(qs[0].cue?.text, 'advice from');
  assert.equal(speakerOf(qs, '"Stay away'), 'the fire service');
  assert.equal(speakerOf(qs, '"we are'), 'residents');
});

test('Markdown emphasis around a quote (`**"…,"** said X`, `said: **"…"**`) does not hide its attribution', () => {
  const t = [
    '**"We need to be honest about the challenge,"** said the report\'s author, Professor Linda Hall.',
    'The minister said: **"We will win."**',
    '_"No,"_ Tom Smith replied.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We need'), "the report's author, Professor Linda Hall");
  assert.equal(speakerOf(qs, '"We will win'), 'The minister');
  assert.equal(speakerOf(qs, '"No,"'), 'Tom Smith');
});

test('a pronoun resolves to a first name alone and past a relative clause on the subject; a colon speaker keeps its relative clause out', () => {
  const t = [
    'Margaret, who asked that her surname not be used, lost her job in March.',
    '‘I sent out 60 applications,’ she says.',
    'Justice James Ardaiz, who assisted in drafting the bill, is even more explicit: "Crime has declined dramatically."',
    'Mali, who came closest to levelling, face Benin and Nigeria in the "Group of Death".',
  ].join('\n\n');
  const qs = quotes(t);
  const she = qs.find((q) => q.text.startsWith('‘I sent'));
  assert.equal(she?.speaker?.text, 'she');
  assert.equal(she?.speaker?.resolved, 'Margaret');
  assert.equal(speakerOf(qs, '"Crime'), 'Justice James Ardaiz');
  assert.equal(speakerOf(qs, '"Group'), null);
});

test('nicknames with an article or after `known as`, and titles after single/track/poem, are scare quotes', () => {
  const t = [
    'Former boxer Marvin "The Hammer" Jones opened a gym in Leeds.',
    'The striker, known to fans as "The Bullet", scored twice.',
    'The band\'s single "Burn Slow" is on every radio station.',
    'He was known as "a fighter", she said.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => [q.text, q.kind, q.scareReason ?? null]), [
    ['"The Hammer"', 'scare', 'nickname'],
    ['"The Bullet"', 'scare', 'nickname'],
    ['"Burn Slow"', 'scare', 'title'],
    ['"a fighter"', 'quote', null],
  ]);
});

test('speech verbs of Nigerian, Indian, Australian and British news and of dialogue: disclosed, opined, reckons, whispered, muttered, retorted', () => {
  const t = [
    'The Commissioner for Health, Dr Kemi Ogunyemi, disclosed that "over 3,000 cases have been recorded".',
    '"The party has always stood for the poor," the Congress leader opined.',
    '"It\'s a cracking result for the club," Hawthorn coach Sam Mitchell reckons.',
    '"Don\'t go," she whispered.',
    '"I have to," he muttered, not looking at her.',
    '"Mate, we\'ve waited twenty years," retorted the local member, Bob Katter.',
    'Defence counsel Ruth Owusu told the court her client had been "manipulated by older men".',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => q.speaker?.text ?? null), [
    'The Commissioner for Health, Dr Kemi Ogunyemi',
    'the Congress leader',
    'Hawthorn coach Sam Mitchell',
    'she',
    'he',
    'the local member, Bob Katter',
    'Defence counsel Ruth Owusu',
  ]);
  // (not `alleged`, mostly an adjective: `the alleged challenge`, nor a passive `was underlined by`)
  const adj = quotes('By seeking a technological "fix" to the alleged challenge posed by "rogue" states, one participant suggested, Washington was wrong.');
  assert.equal(adj[0].speaker?.text, 'one participant');
  const passive = quotes('The importance of verification was underlined by one speaker, with reference to "the biggest risk in the world today" - the arsenals.');
  assert.equal(passive[0].cue ?? null, null);
});

test('a title-case quote right before the noun it names is a title (`the "Fair Pay Now" campaign`, `the "Food for Work" programme`)', () => {
  const t = [
    'Workers at the plant say the union has launched a "Fair Pay Now" campaign.',
    'He said works should be taken up under the "Food for Work" programme in the district.',
    'She called the plan "A Disaster" at the rally.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => [q.text, q.kind, q.scareReason ?? null]), [
    ['"Fair Pay Now"', 'scare', 'title'],
    ['"Food for Work"', 'scare', 'title'],
    ['"A Disaster"', 'quote', null],
  ]);
});

test('pronoun antecedents: a possessive and a role (`His deputy put it differently.`), a reporter after a dateline, never a first-person narrator', () => {
  const t1 = 'Mayor John Park met the families on Friday.\n\nHis deputy put it differently. "We are not going anywhere," he said.';
  assert.equal(quotes(t1)[0].speaker?.resolved, 'His deputy');
  const t2 = 'BERLIN - Secretary of State Condoleezza Rice said Tuesday the administration will fight the cuts.\n\n"The situation is very complicated," she said.';
  assert.equal(quotes(t2)[0].speaker?.resolved, 'Secretary of State Condoleezza Rice');
  const t3 = 'Ann Hale came to the door.\n\n"Sit down," Ann Hale said.\n\n"I have to throw up," I whispered to my mother. "Do it in the bag!" she replied.';
  const qs = quotes(t3);
  assert.equal(speakerOf(qs, '"Do it'), 'she');
  assert.equal(qs.find((q) => q.text.startsWith('"Do it'))?.speaker?.resolved, undefined);
});

test('a passive speech verb: its agent after `by` speaks, its subject does not (`the family was told by a senior doctor`)', () => {
  const t = [
    '"You should have come sooner," the family was told by a senior doctor at the hospital.',
    'The jury was told by prosecutor Helen Marsh that he had acted "with cold calculation".',
    'In article 5, it was said that this would be achieved "by publishing a professional journal".',
    'When he was asked about it, Smith said: "No comment."',
    'The general was quoted as saying the army would "not stand by".',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => q.speaker?.text ?? null), ['a senior doctor at the hospital', 'prosecutor Helen Marsh', null, 'Smith', 'The general']);
});

test('speaker phrases: a relative clause after a lowercase noun, a modifier before a title after the verb, no subordinator as a subject', () => {
  const t = [
    'As one nurse, who did not want to be named, told us: "We are exhausted."',
    '"We wanted to go to him every time," said Rockets head coach Rick Adelman.',
    'When terrorists are revealed as part of the second front of the war, Obama and Clinton call them "lone wolves" and more.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(speakerOf(qs, '"We are'), 'one nurse, who did not want to be named');
  assert.equal(speakerOf(qs, '"We wanted'), 'Rockets head coach Rick Adelman');
  assert.equal(speakerOf(qs, '"lone'), null);
});

test('a word or phrase after `the word`, `the term`, `the phrase` is mentioned, not spoken; `his words "…"` and `used the phrase "…"` stay speech', () => {
  const t = [
    'The word "unprecedented" has been used so often that it has lost all meaning.',
    'The phrase "level playing field" appears 40 times in the report.',
    'He chose his words "very carefully," the aide said.',
    'Trump has used the phrase “Islamic terrorism” often in his campaign.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => [q.kind, q.scareReason ?? null]), [['scare', 'mention'], ['scare', 'mention'], ['quote', null], ['quote', null]]);
});

test('a spaced dash after a bracketed wire credit ends the speaker phrase too (`BEIJING, Nov 3 (Reuters) - China\'s foreign ministry`)', () => {
  const qs = quotes('BEIJING, Nov 3 (Reuters) - China\'s foreign ministry on Friday urged Washington to "stop interfering" in its affairs.');
  assert.equal(qs[0].speaker?.text, "China's foreign ministry");
});

test('wire copy: a reporting clause with its object ends the sentence (`…, spokeswoman X told reporters on Thursday.`); a hyphen after a headline quote names its speaker, not an agency credit', () => {
  const t = [
    'Russia accused the West of "playing with fire" over Ukraine, foreign ministry spokeswoman Maria Zakharova told reporters on Thursday.',
    'The company called the ruling "deeply disappointing", a spokesman said on Friday.',
    'He called it "a disaster", and Smith said nothing.',
    "'We were robbed' - Keane slams referee after late penalty",
    'Bakkies will play in March, the doctor said.',
    '"We are confident he will be back in March." - Sapa',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => q.speaker?.text ?? null), ['foreign ministry spokeswoman Maria Zakharova', 'a spokesman', 'He', 'Keane', null]);
});

test('police ranks `Const.`, `Det.`, `Insp.`, `Cpl.` do not end a sentence: the speaker keeps the rank and the name, and `Const. Doe` resolves to the full name', () => {
  const t = [
    'Const. Lena Marsh said a cyclist was hurt in the collision. "She was taken to hospital as a precaution," Const. Marsh said.',
    '"We are asking anyone with footage to call us," said Det. Const. Omar Haddad of the York Regional Police.',
    '"Nobody was hurt," Insp. Gail Firth said.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.text, 'Const. Marsh');
  assert.equal(qs[0].speaker?.resolved, 'Lena Marsh');
  assert.ok(qs[1].speaker?.text.startsWith('Det. Const. Omar Haddad'), qs[1].speaker?.text);
  assert.equal(qs[2].speaker?.text, 'Insp. Gail Firth');
});

test('a first name alone as speaker resolves to the full name given earlier (`Maria said` after `Maria Reyes, the mayor, …`), not to a capitalised word before it', () => {
  const t = [
    'Maria Reyes, the mayor of San Benito, said the town would appeal.',
    'The ruling came after months of hearings.',
    '"We are not going to give up on this," Maria said.',
    'Farmer Owen Pritchard, 58, lost 30 ewes in the snow.',
    '"I have never seen drifts like it," Owen said.',
    'She spoke on Piers Morgan Uncensored last year.',
    '"It was a mistake," Morgan said.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.resolved, 'Maria Reyes, the mayor of San Benito');
  assert.equal(qs[1].speaker?.resolved, 'Owen Pritchard');
  assert.equal(qs[2].speaker?.resolved, 'Piers Morgan');
});

test('titles after a verb of performing or `<work noun> of`, a code name, and a nickname of two words after a first name are not speech; a chant and `singing "…"` stay speech', () => {
  const t = [
    'The crowd sang "Sweet Caroline" long after the final whistle.',
    'The choir will perform "Be Thou My Vision" at the evening service.',
    'Read our review of "Wicked: For Good" here.',
    'The raid, code-named "Sentinel", led to 14 arrests.',
    'Local boxer Jamie "Mad Dog" Ellis won again.',
    'Fans chanted "Out, Out, Out" as the minister left.',
    'The band leader called the mayor to the stage, singing "It\'s Our Time."',
  ].join('\n\n');
  const qs = quotes(t);
  assert.deepEqual(qs.map((q) => [q.kind, q.scareReason ?? null]), [
    ['scare', 'title'],
    ['scare', 'title'],
    ['scare', 'title'],
    ['scare', 'title'],
    ['scare', 'nickname'],
    ['quote', null],
    ['quote', null],
  ]);
});

test('a sentence subject found without a speech verb is no speaker when it opens with a preposition, a demonstrative, a quantifier before `of` or an instruction (`In the end …`, `This leaves …`, `Each handcrafted piece …`, `Continue reading …`)', () => {
  const t = [
    'This leaves the "squeezed middle" paying for everything again.',
    'In the end the whole "miracle cure" turned out to be salt water.',
    'Each handcrafted piece carries our "lifetime promise" of quality.',
    'Continue reading the main story about "the big freeze" on the website.',
    'The mayor condemned the council as "a bunch of clowns" on Tuesday.',
  ].join('\n\n');
  assert.deepEqual(quotes(t).map((q) => q.speaker?.text ?? null), [null, null, null, null, 'The mayor']);
});

test('a surname alone as the subject of the sentence before resolves a pronoun to the full name given earlier (`Lindqvist arrives …` + `"…," she said`); a word that names nobody does not', () => {
  const t = [
    'The club has appointed Sarah Lindqvist as its new head coach.',
    'Lindqvist arrives from Hammarby, where she won two titles. "This is a club with huge ambition," she said.',
    'Witnesses described chaos at the station. Officials arrived within minutes. "We saw nothing," he said.',
  ].join('\n\n');
  const qs = quotes(t);
  assert.equal(qs[0].speaker?.resolved, 'Sarah Lindqvist');
  assert.equal(qs[1].speaker?.resolved, undefined);
});
