import { plural, type Translation } from '../translation.ts'

const n = (value: number) => value.toLocaleString('nl')
/** A count in brackets after a label, or nothing when it is not known (null). */
const inParens = (count: number | null) => (count === null ? '' : ` (${n(count)})`)
/** Dutch has only the plural forms "one" and "other". */
const counted =
  (one: string, other: string) =>
  (count: number): string =>
    plural('nl', count, { one, other })

export const nl: Translation = {
  $code: 'nl',
  $dir: 'ltr',

  loadingPoll: 'Peiling laden…',
  vote: 'Stemmen',
  changeVote: 'Stem wijzigen',
  withdrawVote: 'Stem intrekken',
  yourVote: 'Uw stem',
  voteRecorded: 'Stem geregistreerd',
  voteWithdrawn: 'Stem ingetrokken',
  votes: counted('# stem', '# stemmen'),
  total: (votes, voters) =>
    nl.votes(votes) +
    (votes === voters ? '' : counted(' van # stemmer', ' van # stemmers')(voters)),
  chooseUpTo: counted('Kies # optie.', 'Kies maximaal # opties.'),
  choiceLimit: 'Vink er een uit om een andere te kiezen.',
  chooseOne: 'Kies een optie.',
  opens: (date) => `Stemmen kan vanaf ${date}`,
  closes: (when) => `Sluit ${when}`,
  closed: 'Stemming gesloten',
  resultsAfterVote: 'De uitslag verschijnt nadat u hebt gestemd',
  resultsAfterClose: (date) =>
    `De uitslag verschijnt wanneer de stemming sluit${date && ` op ${date}`}`,
  locked: 'Stemmen in deze peiling zijn definitief.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('nl').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Te veel stemmen. Probeer het ${later} opnieuw.`
  },

  name: 'Naam',
  nameHelp: 'Wordt naast uw reactie getoond.',
  comment: 'Reactie',
  commentHelp: (max) =>
    `Maximaal ${n(max)} tekens. Links, *cursief*, **vet**, > citaten en \`code\` worden opgemaakt.`,
  commentEmpty: 'Schrijf een reactie.',
  postComment: 'Reactie plaatsen',
  cancel: 'Annuleren',
  yourData: 'Uw gegevens',
  dataIntro:
    'Wat u hier schrijft, uw stemmen en uw emoji-reacties worden opgeslagen onder een anonieme id die op dit apparaat wordt bewaard. Er worden geen cookies gebruikt.',
  dataDownload: 'Mijn gegevens downloaden',
  dataDownloaded: 'Uw gegevens zijn gedownload.',
  dataNothing: 'Er is op deze website niets over u opgeslagen.',
  dataErase: 'Mijn gegevens verwijderen',
  dataConfirm:
    'Uw reacties, stemmen, emoji-reacties en meldingen op deze website verwijderen? Reacties waarop anderen hebben gereageerd, blijven staan als ‘verwijderd’. Dit kan niet ongedaan worden gemaakt.',
  dataConfirmErase: 'Alles verwijderen',
  dataErased: 'Uw gegevens zijn verwijderd.',
  close: 'Sluiten',
  commentPosted: 'Reactie geplaatst',
  commentHeld: 'Reactie wacht op beoordeling',
  draftKept: 'Uw reactie is nog niet geplaatst; ze is op dit apparaat bewaard.',
  tryAgain: 'Opnieuw proberen',
  signInToComment: 'Log in om te reageren.',
  signIn: 'Inloggen',

  commentsHeading: 'Reacties',
  comments: counted('# reactie', '# reacties'),
  loadingComments: 'Reacties laden…',
  noComments: 'Nog geen reacties. Begin de discussie.',
  loadMore: 'Meer reacties laden',
  reply: 'Beantwoorden',
  inReplyTo: (name) => `als antwoord op ${name || 'een verwijderde reactie'}`,
  sortBy: 'Sorteren op',
  sorts: { newest: 'Nieuwste', oldest: 'Oudste', top: 'Populairste', balanced: 'Evenwichtig' },
  language: 'Taal',
  allLanguages: 'Alle talen',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Standpunt',
  allStances: 'Alle standpunten',
  stanceOption: (label, count) => `Stemde ${label}${inParens(count)}`,
  noStance: (count) => `Geen stem getoond${inParens(count)}`,
  voted: (label) => `Stemde: ${label}`,
  showStance: (label) => `Mijn stem („${label}”) bij mijn reactie tonen`,
  count: (count) => (count ? nl.comments(count) : 'Nog geen reacties'),

  badges: { author: 'Auteur van het artikel', expert: 'Expert', verified: 'Geverifieerd' },
  edited: '(bewerkt)',
  deleted: 'Deze reactie is verwijderd.',
  showReplies: counted('# antwoord tonen', '# antwoorden tonen'),
  hideReplies: counted('# antwoord verbergen', '# antwoorden verbergen'),
  moreReplies: counted('Nog # antwoord tonen', 'Nog # antwoorden tonen'),
  moreRepliesShown: 'Meer antwoorden getoond',

  reactions: 'Reacties met emoji',
  reactionNames: {
    '👍': 'Leuk',
    '❤️': 'Geweldig',
    '😂': 'Haha',
    '😮': 'Wauw',
    '😢': 'Verdrietig',
    '😠': 'Boos',
  },
  reactionCount: (name, count) => `${name}, ${n(count)}`,
  reacted: (name) => `U reageerde: ${name}`,
  reactionRemoved: 'Reactie ingetrokken',

  edit: 'Bewerken',
  editComment: 'Reactie bewerken',
  save: 'Opslaan',
  commentUpdated: 'Reactie bijgewerkt',
  delete: 'Verwijderen',
  deleteConfirm: 'Deze reactie verwijderen?',
  deleteComment: 'Reactie verwijderen',
  commentDeleted: 'Reactie verwijderd',
  report: 'Melden',
  reportReason: 'Waarom meldt u deze reactie?',
  reasons: {
    spam: 'Spam',
    abuse: 'Scheldpartij of haat',
    off_topic: 'Niet ter zake',
    other: 'Anders',
  },
  reportNote: 'Toelichting (optioneel)',
  sendReport: 'Melding versturen',
  reportSent: 'Bedankt. Een moderator bekijkt deze reactie.',
  reported: 'Gemeld',

  pinned: 'Vastgezet',
  awaitingReview: 'Wacht op beoordeling',
  pendingNote: 'Alleen u ziet deze reactie totdat een moderator haar goedkeurt.',
  removed: (reason) => `Verwijderd door een moderator. Reden: ${reason}.`,
  removalReasons: {
    spam: 'spam',
    hate: 'haatzaaiende taal',
    harassment: 'intimidatie',
    illegal: 'illegale inhoud',
    off_topic: 'niet ter zake',
    other: 'anders',
  },
  statement: 'Motivering',
  appeal: 'Bezwaar maken',
  appeals: {
    open: 'Uw bezwaar wordt beoordeeld.',
    upheld: 'Uw bezwaar is beoordeeld; het besluit blijft van kracht.',
    reversed: 'Uw bezwaar is toegekend.',
  },
  appealLabel: 'Waarom moet dit besluit worden teruggedraaid?',
  sendAppeal: 'Bezwaar versturen',
  appealSent: 'Bezwaar verstuurd. Een moderator beoordeelt het.',
  expertResponse: 'Antwoord van een expert',
  featured: 'Uitgelicht',
  illegal: 'Illegale inhoud (EU-recht)',
  noticeHelp:
    'Een melding op grond van de EU-verordening digitale diensten (DSA). De website beoordeelt haar en laat u het besluit per e-mail weten.',
  noticeLaw: 'Welke wet wordt overtreden?',
  noticeExplanation: 'Waarom is het illegaal?',
  noticeName: 'Uw naam',
  noticeEmail: 'Uw e-mailadres',
  noticeGoodFaith: 'Ik bevestig te goeder trouw dat deze melding juist en volledig is.',
  sendNotice: 'Melding versturen',
  noticeSent: 'Bedankt. Uw melding is verstuurd.',

  errors: {
    invalid_input: 'Controleer wat u hebt ingevuld.',
    payload_too_large: 'Dat is te lang om te versturen.',
    unauthorized: 'Uw sessie is verlopen. Probeer het opnieuw.',
    forbidden: 'Alleen de auteur kan dat doen.',
    forbidden_origin: 'Parley is niet ingeschakeld voor deze website.',
    not_found: 'Dit is niet gevonden.',
    site_not_found: 'Deze website is niet ingesteld voor Parley.',
    thread_not_found: 'Deze discussie bestaat niet.',
    poll_not_found: 'Deze peiling bestaat niet.',
    comment_not_found: 'Die reactie bestaat niet meer.',
    parent_not_found: 'De reactie waarop u antwoordt, bestaat niet meer.',
    invalid_option: 'Die optie hoort niet meer bij deze peiling.',
    reaction_not_allowed: 'Die reactie is hier niet beschikbaar.',
    poll_closed: 'Deze peiling is gesloten.',
    poll_not_open: 'Deze peiling is nog niet geopend.',
    vote_locked: 'Stemmen in deze peiling kunnen niet worden gewijzigd.',
    too_many_choices: 'U hebt meer opties gekozen dan deze peiling toestaat.',
    edit_window_closed:
      'Reacties kunnen alleen in de eerste 15 minuten na plaatsing worden bewerkt.',
    already_reported: 'U hebt deze reactie al gemeld.',
    comment_deleted: 'Die reactie is verwijderd.',
    banned: 'U kunt op deze website niet meer reageren.',
    challenge_required: 'Bevestig dat u geen robot bent en probeer het opnieuw.',
    challenge_failed: 'De controle of u geen robot bent, is mislukt. Probeer het opnieuw.',
    not_removed: 'Die reactie is niet verwijderd.',
    appeal_exists: 'U hebt al bezwaar gemaakt tegen dit besluit.',
    sign_in_required: 'Meld u aan om dat te doen.',
    conflict: 'Dit is al verstuurd met een andere inhoud.',
    rate_limited: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    unavailable: 'Parley is nu niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    internal: 'Er ging bij ons iets mis. Probeer het opnieuw.',
  },
}
