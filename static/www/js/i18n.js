// Interface languages: English, Khmer, French. Pure: message tables,
// lookup with fallback, date and number formatting.
//
// Dates are formatted from our own tables (not Intl) so that every
// browser and the tests give the same text. Khmer uses Khmer digits.
// The Khmer strings were written for this project and should be reviewed
// by a native speaker before a public installation (docs/frontend.md).

import { localParts } from './time.js';

export const LANGS = ['en', 'km', 'fr'];
export const DEFAULT_LANG = 'en';

/** The name of each language in itself, for the switcher. */
export const LANG_NAMES = { en: 'English', km: 'ខ្មែរ', fr: 'Français' };

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  km: ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'],
};
const MONTHS_SHORT = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  km: MONTHS.km,
};

export const MESSAGES = {
  en: {
    'app.title': 'Cambodia, December 1978 – December 1980',
    'app.shortTitle': 'Cambodia 1978–1980',
    'app.subtitle': 'The Vietnamese and KUFNS advance, Phnom Penh on 7 January 1979, and the movements of people that followed',
    'app.skip': 'Skip to the timeline',
    'lang.label': 'Language',
    'player.play': 'Play',
    'player.pause': 'Pause',
    'player.prev': 'Previous event',
    'player.next': 'Next event',
    'player.speed': 'Speed',
    'player.speed.day': '1 day / s',
    'player.speed.week': '1 week / s',
    'player.speed.month': '1 month / s',
    'player.timeline': 'Date on the timeline',
    'player.keys': 'Keys: space plays or pauses; ← → one day (Shift: one month); Page Up / Page Down previous / next event; Home / End start / end.',
    'player.loop': 'Loop',
    'panel.layers': 'Layers and legend',
    'panel.show': 'Show layers and legend',
    'panel.hide': 'Hide',
    'panel.about': 'About the data',
    'panel.close': 'Close',
    'panel.event': 'Event',
    'panel.nextEvent': 'Next:',
    'panel.now': 'On the map at this date',
    'panel.noEvent': 'No event at this date. Press Play, or step to the next event.',
    'layer.zones': 'Zones of Democratic Kampuchea',
    'layer.control': 'Held by Vietnamese and allied forces',
    'layer.advances': 'Axes of advance',
    'layer.perimeter': 'Phnom Penh perimeter',
    'layer.flows': 'Displacement and refugee flows',
    'layer.camps': 'Border and holding camps',
    'layer.events': 'Events',
    'layer.places': 'Places',
    'legend.status.closed': 'closed',
    'legend.status.controlled': 'controlled',
    'legend.status.open': 'open',
    'legend.flowWidth': 'width: number of people',
    'legend.campSize': 'area: population',
    'legend.unknownPop': 'population not known',
    'legend.basemap': 'Base map',
    'legend.lowCertainty': 'dashed and fainter: low certainty (see each feature’s sources and note)',
    'basemap.countries': 'Countries',
    'basemap.provinces': 'Provinces (today)',
    'basemap.provinces_1975': 'Provinces (1975)',
    'basemap.lakes': 'Lakes',
    'basemap.rivers': 'Rivers',
    'basemap.roads': 'Roads (schematic)',
    'basemap.towns': 'Towns',
    'basemap.missing': 'not available',
    'feature.valid': 'Shown',
    'feature.from': 'from',
    'feature.until': 'until',
    'feature.onwards': 'onwards',
    'feature.date': 'Date',
    'feature.people': 'People',
    'feature.population': 'Population',
    'feature.status': 'Status',
    'feature.units': 'Units',
    'feature.kind': 'Kind',
    'feature.unknown': 'not known',
    'feature.approx': 'about',
    'feature.interpolated': 'estimated between dated figures',
    'feature.sources': 'Sources',
    'feature.noSources': 'No source given.',
    'feature.certainty': 'Certainty',
    'feature.note': 'Note',
    'certainty.high': 'high',
    'certainty.medium': 'medium',
    'certainty.low': 'low',
    'status.reconnecting': 'The server cannot be reached; retrying. The map shows what it already has.',
    'status.loading': 'Loading…',
    'about.text': 'Every shape on this map comes from the Timeslice dataset: each feature carries its dates, its sources, a certainty (high, medium, low) and a note where sources disagree. Figures of people are estimates; lines and areas are schematic. Dates are Cambodian local time (UTC+07:00).',
    'about.attribution': 'Base map: Natural Earth; GSHHG (Wessel & Smith); GeoNames (CC BY 4.0). History: Timeslice dataset sources.',
    'kiosk.touch': 'Touch the map to explore',
    'kiosk.resume': 'The tour resumes shortly',
    'map.zoomIn': 'Zoom in',
    'map.zoomOut': 'Zoom out',
  },
  fr: {
    'app.title': 'Cambodge, décembre 1978 – décembre 1980',
    'app.shortTitle': 'Cambodge 1978–1980',
    'app.subtitle': 'L’avancée vietnamienne et du FUNSK, Phnom Penh le 7 janvier 1979, et les déplacements de population qui ont suivi',
    'app.skip': 'Aller à la frise chronologique',
    'lang.label': 'Langue',
    'player.play': 'Lecture',
    'player.pause': 'Pause',
    'player.prev': 'Événement précédent',
    'player.next': 'Événement suivant',
    'player.speed': 'Vitesse',
    'player.speed.day': '1 jour / s',
    'player.speed.week': '1 semaine / s',
    'player.speed.month': '1 mois / s',
    'player.timeline': 'Date sur la frise',
    'player.keys': 'Touches : espace lit ou met en pause ; ← → un jour (Maj : un mois) ; Page préc. / Page suiv. événement précédent / suivant ; Début / Fin.',
    'player.loop': 'Boucle',
    'panel.layers': 'Couches et légende',
    'panel.show': 'Afficher les couches et la légende',
    'panel.hide': 'Masquer',
    'panel.about': 'À propos des données',
    'panel.close': 'Fermer',
    'panel.event': 'Événement',
    'panel.nextEvent': 'Ensuite :',
    'panel.now': 'Sur la carte à cette date',
    'panel.noEvent': 'Aucun événement à cette date. Appuyez sur Lecture, ou passez à l’événement suivant.',
    'layer.zones': 'Zones du Kampuchéa démocratique',
    'layer.control': 'Tenu par les forces vietnamiennes et alliées',
    'layer.advances': 'Axes d’avancée',
    'layer.perimeter': 'Périmètre de Phnom Penh',
    'layer.flows': 'Déplacements et flux de réfugiés',
    'layer.camps': 'Camps frontaliers et de transit',
    'layer.events': 'Événements',
    'layer.places': 'Lieux',
    'legend.status.closed': 'fermé',
    'legend.status.controlled': 'contrôlé',
    'legend.status.open': 'ouvert',
    'legend.flowWidth': 'épaisseur : nombre de personnes',
    'legend.campSize': 'surface : population',
    'legend.unknownPop': 'population inconnue',
    'legend.basemap': 'Fond de carte',
    'legend.lowCertainty': 'tireté et plus pâle : certitude faible (voir les sources et la note de chaque objet)',
    'basemap.countries': 'Pays',
    'basemap.provinces': 'Provinces (actuelles)',
    'basemap.provinces_1975': 'Provinces (1975)',
    'basemap.lakes': 'Lacs',
    'basemap.rivers': 'Cours d’eau',
    'basemap.roads': 'Routes (schématiques)',
    'basemap.towns': 'Villes',
    'basemap.missing': 'indisponible',
    'feature.valid': 'Affiché',
    'feature.from': 'du',
    'feature.until': 'au',
    'feature.onwards': 'sans date de fin',
    'feature.date': 'Date',
    'feature.people': 'Personnes',
    'feature.population': 'Population',
    'feature.status': 'Statut',
    'feature.units': 'Unités',
    'feature.kind': 'Type',
    'feature.unknown': 'inconnu',
    'feature.approx': 'environ',
    'feature.interpolated': 'estimé entre deux chiffres datés',
    'feature.sources': 'Sources',
    'feature.noSources': 'Aucune source indiquée.',
    'feature.certainty': 'Certitude',
    'feature.note': 'Note',
    'certainty.high': 'élevée',
    'certainty.medium': 'moyenne',
    'certainty.low': 'faible',
    'status.reconnecting': 'Le serveur est injoignable ; nouvel essai en cours. La carte montre ce qu’elle a déjà.',
    'status.loading': 'Chargement…',
    'about.text': 'Chaque forme de cette carte vient du jeu de données Timeslice : chaque objet porte ses dates, ses sources, une certitude (élevée, moyenne, faible) et une note quand les sources divergent. Les effectifs sont des estimations ; lignes et surfaces sont schématiques. Les dates sont à l’heure locale du Cambodge (UTC+07:00).',
    'about.attribution': 'Fond de carte : Natural Earth ; GSHHG (Wessel & Smith) ; GeoNames (CC BY 4.0). Histoire : sources du jeu de données Timeslice.',
    'kiosk.touch': 'Touchez la carte pour explorer',
    'kiosk.resume': 'La visite reprend dans un instant',
    'map.zoomIn': 'Zoom avant',
    'map.zoomOut': 'Zoom arrière',
  },
  km: {
    'app.title': 'កម្ពុជា ធ្នូ ១៩៧៨ – ធ្នូ ១៩៨០',
    'app.shortTitle': 'កម្ពុជា ១៩៧៨–១៩៨០',
    'app.subtitle': 'ការវាយចូលរបស់កងទ័ពវៀតណាម និងរណសិរ្ស ភ្នំពេញថ្ងៃទី៧ មករា ១៩៧៩ និងការផ្លាស់ទីលំនៅរបស់ប្រជាជនដែលកើតឡើងបន្ទាប់មក',
    'app.skip': 'ទៅកាន់ខ្សែពេលវេលា',
    'lang.label': 'ភាសា',
    'player.play': 'ចាក់',
    'player.pause': 'ផ្អាក',
    'player.prev': 'ព្រឹត្តិការណ៍មុន',
    'player.next': 'ព្រឹត្តិការណ៍បន្ទាប់',
    'player.speed': 'ល្បឿន',
    'player.speed.day': '១ ថ្ងៃ / វិនាទី',
    'player.speed.week': '១ សប្តាហ៍ / វិនាទី',
    'player.speed.month': '១ ខែ / វិនាទី',
    'player.timeline': 'កាលបរិច្ឆេទលើខ្សែពេលវេលា',
    'player.keys': 'គ្រាប់ចុច៖ Space ចាក់ ឬផ្អាក; ← → មួយថ្ងៃ (Shift៖ មួយខែ); Page Up / Page Down ព្រឹត្តិការណ៍មុន / បន្ទាប់; Home / End ដើម / ចុង។',
    'player.loop': 'ចាក់ម្តងទៀត',
    'panel.layers': 'ស្រទាប់ និងសេចក្តីពន្យល់',
    'panel.show': 'បង្ហាញស្រទាប់ និងសេចក្តីពន្យល់',
    'panel.hide': 'លាក់',
    'panel.about': 'អំពីទិន្នន័យ',
    'panel.close': 'បិទ',
    'panel.event': 'ព្រឹត្តិការណ៍',
    'panel.nextEvent': 'បន្ទាប់៖',
    'panel.now': 'នៅលើផែនទីនៅកាលបរិច្ឆេទនេះ',
    'panel.noEvent': 'គ្មានព្រឹត្តិការណ៍នៅកាលបរិច្ឆេទនេះទេ។ ចុច ចាក់ ឬទៅព្រឹត្តិការណ៍បន្ទាប់។',
    'layer.zones': 'ភូមិភាគនៃកម្ពុជាប្រជាធិបតេយ្យ',
    'layer.control': 'តំបន់ក្រោមកងកម្លាំងវៀតណាម និងសម្ព័ន្ធមិត្ត',
    'layer.advances': 'ទិសដៅវាយចូល',
    'layer.perimeter': 'បរិវេណភ្នំពេញ',
    'layer.flows': 'ការផ្លាស់ទីលំនៅ និងលំហូរជនភៀសខ្លួន',
    'layer.camps': 'ជំរំតាមព្រំដែន និងជំរំស្នាក់នៅបណ្តោះអាសន្ន',
    'layer.events': 'ព្រឹត្តិការណ៍',
    'layer.places': 'ទីកន្លែង',
    'legend.status.closed': 'បិទ',
    'legend.status.controlled': 'គ្រប់គ្រង',
    'legend.status.open': 'បើក',
    'legend.flowWidth': 'ទទឹង៖ ចំនួនមនុស្ស',
    'legend.campSize': 'ទំហំ៖ ចំនួនប្រជាជន',
    'legend.unknownPop': 'មិនដឹងចំនួនប្រជាជន',
    'legend.basemap': 'ផែនទីមូលដ្ឋាន',
    'legend.lowCertainty': 'បន្ទាត់ដាច់ៗ និងស្រាល៖ កម្រិតភាពប្រាកដទាប (សូមមើលប្រភព និងកំណត់សម្គាល់នៃធាតុនីមួយៗ)',
    'basemap.countries': 'ប្រទេស',
    'basemap.provinces': 'ខេត្ត (បច្ចុប្បន្ន)',
    'basemap.provinces_1975': 'ខេត្ត (១៩៧៥)',
    'basemap.lakes': 'បឹង',
    'basemap.rivers': 'ទន្លេ',
    'basemap.roads': 'ផ្លូវ (គំនូសសង្ខេប)',
    'basemap.towns': 'ទីក្រុង',
    'basemap.missing': 'មិនមាន',
    'feature.valid': 'បង្ហាញ',
    'feature.from': 'ពី',
    'feature.until': 'ដល់',
    'feature.onwards': 'តទៅ',
    'feature.date': 'កាលបរិច្ឆេទ',
    'feature.people': 'ចំនួនមនុស្ស',
    'feature.population': 'ចំនួនប្រជាជន',
    'feature.status': 'ស្ថានភាព',
    'feature.units': 'អង្គភាព',
    'feature.kind': 'ប្រភេទ',
    'feature.unknown': 'មិនដឹង',
    'feature.approx': 'ប្រហែល',
    'feature.interpolated': 'ប៉ាន់ស្មានរវាងតួលេខដែលមានកាលបរិច្ឆេទ',
    'feature.sources': 'ប្រភព',
    'feature.noSources': 'គ្មានប្រភព។',
    'feature.certainty': 'កម្រិតភាពប្រាកដ',
    'feature.note': 'កំណត់សម្គាល់',
    'certainty.high': 'ខ្ពស់',
    'certainty.medium': 'មធ្យម',
    'certainty.low': 'ទាប',
    'status.reconnecting': 'មិនអាចភ្ជាប់ទៅម៉ាស៊ីនមេបានទេ កំពុងព្យាយាមម្តងទៀត។ ផែនទីបង្ហាញអ្វីដែលវាមានរួចហើយ។',
    'status.loading': 'កំពុងផ្ទុក…',
    'about.text': 'រាល់រូបរាងលើផែនទីនេះ មកពីសំណុំទិន្នន័យ Timeslice៖ ធាតុនីមួយៗមានកាលបរិច្ឆេទ ប្រភព កម្រិតភាពប្រាកដ (ខ្ពស់ មធ្យម ទាប) និងកំណត់សម្គាល់ នៅពេលប្រភពមិនស្របគ្នា។ ចំនួនមនុស្សជាការប៉ាន់ស្មាន ខ្សែ និងតំបន់ជាគំនូសសង្ខេប។ កាលបរិច្ឆេទជាម៉ោងក្នុងស្រុកកម្ពុជា (UTC+07:00)។',
    'about.attribution': 'ផែនទីមូលដ្ឋាន៖ Natural Earth; GSHHG (Wessel & Smith); GeoNames (CC BY 4.0)។ ប្រវត្តិសាស្ត្រ៖ ប្រភពនៃសំណុំទិន្នន័យ Timeslice។',
    'kiosk.touch': 'ប៉ះផែនទីដើម្បីស្វែងរក',
    'kiosk.resume': 'ការបង្ហាញនឹងបន្តក្នុងពេលឆាប់ៗ',
    'map.zoomIn': 'ពង្រីក',
    'map.zoomOut': 'បង្រួម',
  },
};

/** A supported language for a requested one ("fr-CA" → "fr"), else the default. */
export function normalizeLang(lang) {
  if (typeof lang !== 'string') return DEFAULT_LANG;
  const base = lang.toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(base) ? base : DEFAULT_LANG;
}

/** The message for key in lang, falling back to English, then to the key
 * itself (so a missing message is visible, never blank). {name}
 * placeholders are replaced from vars. */
export function t(lang, key, vars) {
  let s = MESSAGES[lang]?.[key] ?? MESSAGES.en[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

/** The text of a multilingual dataset value ({en, km, fr, vi}) in lang,
 * falling back to English, then to any language present. Plain strings
 * are returned as they are. Returns {text, lang} so the page can mark the
 * language of a fallback (lang attribute) for screen readers and fonts. */
export function pick(value, lang) {
  if (value == null) return { text: '', lang };
  if (typeof value === 'string') return { text: value, lang: 'en' };
  for (const l of [lang, 'en', 'fr', 'km', 'vi']) {
    if (typeof value[l] === 'string' && value[l] !== '') return { text: value[l], lang: l };
  }
  for (const [l, v] of Object.entries(value)) {
    if (typeof v === 'string' && v !== '') return { text: v, lang: l };
  }
  return { text: '', lang };
}

const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';

/** Latin digits to Khmer digits. */
export function khmerDigits(s) {
  return String(s).replace(/[0-9]/g, (d) => KHMER_DIGITS[d]);
}

/** Digits in the language's script. */
export function digits(lang, s) {
  return lang === 'km' ? khmerDigits(s) : String(s);
}

/** A whole number with the language's grouping: 42,000 · 42 000 · ៤២.០០០ */
export function formatNumber(n, lang) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  const sign = n < 0 ? '-' : '';
  const s = String(Math.round(Math.abs(n)));
  const sep = lang === 'fr' ? '\u202f' : lang === 'km' ? '.' : ',';
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return digits(lang, sign + grouped);
}

/** "7 January 1979" · "7 janvier 1979" · "៧ មករា ១៩៧៩" (local UTC+07:00).
 * opts.month: 'long' (default) or 'short'; opts.day false gives "January 1979". */
export function formatDate(t, lang, opts = {}) {
  if (!Number.isFinite(t)) return '';
  const p = localParts(t);
  const months = (opts.month === 'short' ? MONTHS_SHORT : MONTHS)[lang] || MONTHS.en;
  let s;
  if (opts.day === false) s = `${months[p.month]} ${p.year}`;
  else if (lang === 'fr' && p.day === 1) s = `1er ${months[p.month]} ${p.year}`;
  else s = `${p.day} ${months[p.month]} ${p.year}`;
  return digits(lang, s);
}

/** The month name alone ("Jan", "janv.", "មករា"). */
export function monthName(month, lang, short = false) {
  return ((short ? MONTHS_SHORT : MONTHS)[lang] || MONTHS.en)[month];
}

/** A period: "7 January 1979 – 1 March 1979", or "from 7 January 1979
 * onwards" when it has no end. to may be null. */
export function formatPeriod(from, to, lang) {
  if (to === null || to === undefined || !Number.isFinite(to)) {
    return `${t(lang, 'feature.from')} ${formatDate(from, lang)} ${t(lang, 'feature.onwards')}`;
  }
  return `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
}
