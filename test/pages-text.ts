/**
 * Files of several pages for the tests (`cat *.txt > all.txt`): an article between made-up site menus of 35 lines
 * (a page's header and footer). Used by the core's page tests, the CLI's and the editor's.
 */
export const MENU = ['Home', 'News', 'World', 'Politics', 'Business', 'Sport', 'Culture', 'Travel', 'Weather', 'Video', 'Opinion', 'Science', 'Health',
  'Technology', 'Education', 'Contact us', 'About us', 'Subscribe', 'Newsletter', 'Careers', 'Advertise', 'Privacy policy', 'Terms of use',
  'Cookie settings', 'Site map', 'Archive', 'RSS', 'Podcasts', 'Photos', 'Live', 'Local', 'Markets', 'Football', 'Tennis', 'Cars'];

/**
 * Fixture articles of 200 prose words or more (shorter ones are not told apart from a page's noise: see pageStarts),
 * relative to test/fixtures.
 */
export const PAGE_ARTICLES = ['sputnik-antonov.txt', 'boilerplate/l3s-gn1-443b6e83.txt', 'boilerplate/cleanportaleval-wsj-brussels-10.txt'];

/** Page `k` of a site: its header menu, the article (line endings made LF), its footer menu. */
export function pageOf(article: string, k: number): string {
  return [...MENU.map((m) => `${m} ${k}`), '', article.replace(/\r\n?/g, '\n').trim(), '', ...MENU.map((m) => `${m} · ${k}`)].join('\n');
}
